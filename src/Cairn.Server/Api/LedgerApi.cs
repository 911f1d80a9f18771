using Cairn.Cases.Ledger;
using Cairn.Server.Auth;
using Cairn.Workspace.Ledger;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Server.Api;

/// <summary>/api/v1/cases/{reference}/ledger: the asset-recovery ledger (events, balances, per-State totals) and recording events; invariants are enforced by the application.</summary>
public static class LedgerApi
{
    public static IEndpointRouteBuilder MapLedgerApi(this IEndpointRouteBuilder app)
    {
        var ledger = app.MapGroup("/api/v1/cases/{reference}/ledger").WithTags("Ledger").WithProblems();
        ledger.MapGet("/", GetLedgerAsync).WithName("GetLedger")
            .WithSummary("A case's ledger events, balances per asset and totals per State (logged); with ?fiat=EUR each event's value at the date it happened, with the rate's date and source, or \"no rate\"");
        ledger.MapPost("/", AddEventAsync).RequireAuthorization(Policies.LedgerWriter).WithName("AddLedgerEvent").WithSummary("Record a ledger event; refused, with nothing written, when it breaks an invariant");
        ledger.MapPost("/{eventId}/approve", ApproveEventAsync).RequireAuthorization(Policies.LedgerWriter).WithName("ApproveLedgerEvent")
            .WithSummary("Approve a pending disposal (liquidate, return, share) recorded by another user of the agency: four eyes; logged");
        ledger.MapPost("/{eventId}/reject", RejectEventAsync).RequireAuthorization(Policies.LedgerWriter).WithName("RejectLedgerEvent")
            .WithSummary("Reject a pending disposal with the reason; it stays on record and never counts; logged");
        return app;
    }

    public static async Task<Ok<LedgerView>> GetLedgerAsync(HttpContext http, LedgerService ledger, string reference, string? fiat = null) =>
        TypedResults.Ok(await ledger.ViewAsync(http.User.Actor(), reference, fiat, http.RequestAborted));

    public static async Task<Ok<LedgerEvent>> ApproveEventAsync(HttpContext http, LedgerService ledger, string reference, string eventId) =>
        TypedResults.Ok(await ledger.ApproveAsync(http.User.Actor(), reference, eventId, http.RequestAborted));

    public static async Task<Ok<LedgerEvent>> RejectEventAsync(HttpContext http, LedgerService ledger, string reference, string eventId, LedgerRejection body) =>
        TypedResults.Ok(await ledger.RejectAsync(http.User.Actor(), reference, eventId, body?.Reason, http.RequestAborted));

    public static async Task<Ok<LedgerEvent>> AddEventAsync(HttpContext http, LedgerService ledger, string reference, LedgerEventRequest body) =>
        TypedResults.Ok(await ledger.AddAsync(http.User.Actor(), reference, body, http.RequestAborted));
}
