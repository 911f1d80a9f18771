using Cairn.Server.Auth;
using Cairn.Storage.Retention;
using Cairn.Workspace.Retention;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Server.Api;

/// <summary>
/// Retention (docs/operations.md): admins read the policies and the purges and run a purge (or its
/// dry run) at /api/v1/admin/retention; a case's owners put it on legal hold and release it at
/// /api/v1/cases/{reference}/hold. Everything is logged.
/// </summary>
public static class RetentionApi
{
    public static IEndpointRouteBuilder MapRetentionApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin/retention").WithTags("Operations").RequireAuthorization(Policies.Admin).WithProblems();
        admin.MapGet("/", ViewAsync).WithName("GetRetention").WithSummary("Retention policies in words, the holds on the agency's cases, the purges done (newest first)");
        admin.MapPost("/purge", PurgeAsync).WithName("PurgeRetention")
            .WithSummary("Delete what the policies say is due, except in cases on legal hold; dry_run=true only counts it (both logged, hash-only)");
        var hold = app.MapGroup("/api/v1/cases/{reference}/hold").WithTags("Cases").WithProblems();
        hold.MapGet("/", GetHoldAsync).WithName("GetCaseHold").WithSummary("Whether the case is on legal hold (logged)");
        hold.MapPut("/", HoldAsync).RequireAuthorization(Policies.CaseWriter).WithName("HoldCase").WithSummary("Put the case on legal hold with a reason: nothing of it is purged (owning agency; logged)");
        hold.MapDelete("/", ReleaseAsync).RequireAuthorization(Policies.CaseWriter).WithName("ReleaseCaseHold").WithSummary("Release the case's legal hold (owning agency; logged)");
        return app;
    }

    public static async Task<Ok<RetentionView>> ViewAsync(HttpContext http, RetentionService retention) =>
        TypedResults.Ok(await retention.ViewAsync(http.User.Actor(), http.RequestAborted));

    public static async Task<Ok<PurgeReport>> PurgeAsync(HttpContext http, RetentionService retention, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "dry_run")] bool? dryRun) =>
        TypedResults.Ok(await retention.PurgeAsync(http.User.Actor(), dryRun ?? false, http.RequestAborted));

    public static async Task<Ok<HoldView>> GetHoldAsync(HttpContext http, RetentionService retention, string reference) =>
        TypedResults.Ok(await retention.HoldOfAsync(http.User.Actor(), reference, http.RequestAborted));

    public static async Task<Ok<CaseHold>> HoldAsync(HttpContext http, RetentionService retention, string reference, HoldRequest body) =>
        TypedResults.Ok(await retention.HoldAsync(http.User.Actor(), reference, body, http.RequestAborted));

    public static async Task<NoContent> ReleaseAsync(HttpContext http, RetentionService retention, string reference)
    {
        await retention.ReleaseAsync(http.User.Actor(), reference, http.RequestAborted);
        return TypedResults.NoContent();
    }
}
