using Cairn.Cases.Custody;
using Cairn.Core.Paging;
using Cairn.Server.Auth;
using Cairn.Workspace.Custody;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Server.Api;

/// <summary>
/// /api/v1/log: the custody log's signed head (anyone signed in, to pin it), full verification,
/// per-object history limited to what the caller's agency may see, search, and failed sign-ins by
/// login (auditors and admins; reads of history are logged).
/// </summary>
public static class CustodyLogApi
{
    public static IEndpointRouteBuilder MapCustodyLogApi(this IEndpointRouteBuilder app)
    {
        var log = app.MapGroup("/api/v1/log").WithTags("Custody log").WithProblems();
        log.MapGet("/head", GetHeadAsync).WithName("GetCustodyLogHead").WithSummary("The newest signed tree head of the custody log");
        log.MapGet("/verify", VerifyAsync).RequireAuthorization(Policies.Auditor).WithName("VerifyCustodyLog").WithSummary("Re-check every entry and signed tree head; names the first bad entry");
        log.MapGet("/entries", ListEntriesAsync).RequireAuthorization(Policies.Auditor).WithName("ListCustodyEntries")
            .WithSummary("The custody log entries about one object your agency may see, oldest first (the read is logged)");
        log.MapGet("/failed-sign-ins", ListFailedSignInsAsync).RequireAuthorization(Policies.Auditor).WithName("ListFailedSignIns")
            .WithSummary("Failed sign-ins with one login, found by the keyed hash the log records instead of the login (the read is logged)");
        log.MapGet("/search", SearchAsync).RequireAuthorization(Policies.Auditor).WithName("SearchCustodyLog")
            .WithSummary("Search the custody log by case reference, user, action (or area) and time, refusals included; newest first; what the caller's agency may audit");
        return app;
    }

    public static async Task<Ok<TreeHeadView>> GetHeadAsync(CustodyService custody, CancellationToken cancellationToken) => TypedResults.Ok(await custody.HeadAsync(cancellationToken));

    public static async Task<Ok<LogCheck>> VerifyAsync(CustodyService custody, CancellationToken cancellationToken) => TypedResults.Ok(await custody.VerifyAsync(cancellationToken));

    public static async Task<Ok<Page<CustodyEntry>>> ListEntriesAsync(HttpContext http, CustodyService custody, string objectType, string objectId, long? offset, int? limit) =>
        TypedResults.Ok(await custody.EntriesForAsync(http.User.Actor(), objectType, objectId, PageRequest.Of(offset, limit), http.RequestAborted));

    public static async Task<Ok<FailedSignInsView>> ListFailedSignInsAsync(HttpContext http, CustodyService custody, string login, long? offset, int? limit) =>
        TypedResults.Ok(await custody.FailedSignInsAsync(http.User.Actor(), login, PageRequest.Of(offset, limit), http.RequestAborted));

    public static async Task<Ok<Page<CustodySearchHit>>> SearchAsync(HttpContext http, CustodyService custody, string? @case, string? user, string? action, string? from, string? to, long? offset, int? limit) =>
        TypedResults.Ok(await custody.SearchAsync(http.User.Actor(),
            new CustodySearch(@case, user, action, Cairn.Workspace.Legal.LegalRequestService.ParseTime(Blank(from), "from"), Cairn.Workspace.Legal.LegalRequestService.ParseTime(Blank(to), "to")),
            PageRequest.Of(offset, limit), http.RequestAborted));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
