using Cairn.Cases.Cases;
using Cairn.Storage;
using Cairn.Storage.Cases;
using Cairn.Server.Auth;

namespace Cairn.Server.Api;

/// <summary>
/// /api/v1/cases: list, open, read, change (version-checked), share, add wallets and notes.
/// The store decides visibility by agency and logs every read and write in the custody log.
/// </summary>
internal static class CaseEndpoints
{
    public sealed record CreateCaseBody(string? Reference, string? Title, string? OffenceType);

    public sealed record ShareBody(string? Agency);

    public sealed record WalletBody(string? Chain, string? Address, string? Role, string? Label, long? Version);

    public sealed record NoteBody(string? Text, long? Version);

    public sealed record StatusBody(string? Status, long? Version);

    public static void Map(IEndpointRouteBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("cases");
        cases.MapGet("/", async (HttpContext http, CairnDatabase db, long? offset, int? limit) =>
        {
            var all = await new SqlCaseStore(db).ListAsync(http.User.Actor(), http.RequestAborted);
            return Page<object>.Of(all.Select(Summary).ToList(), offset, limit);
        });
        cases.MapPost("/", async (HttpContext http, CairnDatabase db, CreateCaseBody body) =>
        {
            var created = await new SqlCaseStore(db).CreateAsync(http.User.Actor(),
                new NewCase(Http.Required(body.Reference, "reference"), Http.Required(body.Title, "title"), Http.Required(body.OffenceType, "offence_type")), http.RequestAborted);
            return Results.Created($"/api/v1/cases/{Uri.EscapeDataString(created.Reference)}", created);
        }).RequireAuthorization(Policies.CaseWriter);
        cases.MapGet("/{reference}", async (HttpContext http, CairnDatabase db, string reference) =>
            await new SqlCaseStore(db).GetAsync(http.User.Actor(), reference, http.RequestAborted));
        cases.MapPost("/{reference}/share", async (HttpContext http, CairnDatabase db, string reference, ShareBody body) =>
            await new SqlCaseStore(db).ShareAsync(http.User.Actor(), reference, Http.Required(body.Agency, "agency"), http.RequestAborted))
            .RequireAuthorization(Policies.RequestWriter);
        cases.MapPost("/{reference}/wallets", async (HttpContext http, CairnDatabase db, string reference, WalletBody body) =>
        {
            var role = Enum.TryParse<WalletRole>(body.Role ?? "unknown", ignoreCase: true, out var parsed) ? parsed
                : throw new Core.CairnException($"wallet role '{body.Role}' is not one of {string.Join(", ", Enum.GetNames<WalletRole>()).ToLowerInvariant()}");
            return await ChangeAsync(http, db, reference, body.Version, c => c with
            {
                Wallets = [.. c.Wallets.Where(w => !(w.Chain == body.Chain && w.Address == body.Address)),
                    new CaseWallet(Http.Required(body.Chain, "chain").ToLowerInvariant(), Http.Required(body.Address, "address"), role, body.Label?.Trim() ?? "")],
            });
        }).RequireAuthorization(Policies.CaseWriter);
        cases.MapPost("/{reference}/notes", async (HttpContext http, CairnDatabase db, string reference, NoteBody body) =>
        {
            var actor = http.User.Actor();
            return await ChangeAsync(http, db, reference, body.Version, c => c with
            {
                Notes = [.. c.Notes, new CaseNote(actor.User, actor.Agency, db.Time.GetUtcNow(), Http.Required(body.Text, "text"))],
            });
        }).RequireAuthorization(Policies.CaseWriter);
        cases.MapPost("/{reference}/status", async (HttpContext http, CairnDatabase db, string reference, StatusBody body) =>
        {
            var status = Enum.TryParse<CaseStatus>(Http.Required(body.Status, "status"), ignoreCase: true, out var parsed) ? parsed
                : throw new Core.CairnException($"case status '{body.Status}' is not one of open, suspended, closed");
            return await ChangeAsync(http, db, reference, body.Version, c => status == CaseStatus.Closed ? c.Close(db.Time.GetUtcNow()) : c with { Status = status, ClosedAt = null });
        }).RequireAuthorization(Policies.CaseWriter);
    }

    internal static object Summary(Case c) => new
    {
        c.Id, c.Reference, c.Title, c.OwningAgency, c.OffenceType, Status = c.Status.ToString().ToLowerInvariant(), c.OpenedAt, c.ClosedAt, c.Version,
    };

    /// <summary>Reads, changes and saves a case; a stale <paramref name="version"/> from the client is a 409, as a concurrent save is.</summary>
    private static async Task<Case> ChangeAsync(HttpContext http, CairnDatabase db, string reference, long? version, Func<Case, Case> change)
    {
        var store = new SqlCaseStore(db);
        var actor = http.User.Actor();
        var current = await store.GetAsync(actor, reference, http.RequestAborted);
        if (version is { } expected && expected != current.Version)
            throw new ConcurrencyException($"case '{reference}' is at version {current.Version}, not {expected}: reload and retry");
        return await store.UpdateAsync(actor, change(current), http.RequestAborted);
    }
}
