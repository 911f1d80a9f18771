using Cairn.Cases.Ledger;
using Cairn.Core;
using Cairn.Server.Auth;
using Cairn.Storage;
using Cairn.Storage.Ledger;

namespace Cairn.Server.Api;

/// <summary>/api/v1/cases/{reference}/ledger: the asset-recovery ledger (events, balances, per-state totals) and recording events; invariants are enforced by the store.</summary>
internal static class LedgerEndpoints
{
    public sealed record LedgerBody(string? Event, string? Chain, string? Token, string? Location, string? Amount, string? LegalBasis, string? Authority,
        string? Jurisdiction, string? TargetLocation, string? Recipient, IReadOnlyList<string>? EvidenceIds);

    public static void Map(IEndpointRouteBuilder api)
    {
        var ledger = api.MapGroup("/cases/{reference}/ledger").WithTags("ledger");
        ledger.MapGet("/", async (HttpContext http, CairnDatabase db, string reference) =>
            await new SqlLedgerStore(db).GetAsync(http.User.Actor(), reference, http.RequestAborted));
        ledger.MapPost("/", async (HttpContext http, CairnDatabase db, string reference, LedgerBody body) =>
        {
            var asset = new AssetKey(Http.Required(body.Chain, "chain").ToLowerInvariant(), Http.Required(body.Token, "token"), Http.Required(body.Location, "location"));
            var newEvent = new NewLedgerEvent(SqlLedgerStore.ParseKind(Http.Required(body.Event, "event")), asset, BaseUnits.ParseInteger(Http.Required(body.Amount, "amount"), "amount"),
                Http.Required(body.LegalBasis, "legal_basis"), Http.Required(body.Authority, "authority"), Http.Required(body.Jurisdiction, "jurisdiction").ToUpperInvariant(),
                body.TargetLocation, body.Recipient, body.EvidenceIds ?? []);
            return await new SqlLedgerStore(db).AddAsync(http.User.Actor(), reference, newEvent, http.RequestAborted);
        }).RequireAuthorization(Policies.LedgerWriter);
    }
}
