using Cairn.Cases.Watchlists;
using Cairn.Core.Paging;
using Cairn.Server.Auth;
using Cairn.Workspace.Legal;
using Cairn.Workspace.Watching;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Server.Api;

/// <summary>
/// A case's watchlist (/api/v1/cases/{reference}/watches) and alerts (…/alerts): add, list and remove
/// watches; list alerts, acknowledge one, see the urgent route it proposes and draft it in one call;
/// /api/v1/alerts/open counts the open alerts of the caller's cases (the badge).
/// </summary>
public static class WatchlistsApi
{
    public static IEndpointRouteBuilder MapWatchlistsApi(this IEndpointRouteBuilder app)
    {
        var watches = app.MapGroup("/api/v1/cases/{reference}/watches").WithTags("Alerts").WithProblems();
        watches.MapGet("/", ListWatchesAsync).WithName("ListCaseWatches").WithSummary("A case's watches, followed addresses included (logged)");
        watches.MapPost("/", AddWatchAsync).RequireAuthorization(Policies.CaseWriter).WithName("AddCaseWatch").WithSummary("Watch an address, a cluster or a service on a chain for the case (logged)");
        watches.MapDelete("/{watchId}", RemoveWatchAsync).RequireAuthorization(Policies.CaseWriter).WithName("RemoveCaseWatch").WithSummary("Stop a watch and the addresses it followed (logged)");
        var alerts = app.MapGroup("/api/v1/cases/{reference}/alerts").WithTags("Alerts").WithProblems();
        alerts.MapGet("/", ListAlertsAsync).WithName("ListCaseAlerts").WithSummary("A case's alerts, newest first, with block-to-alert timing (logged)");
        alerts.MapPost("/{alertId}/acknowledge", AcknowledgeAlertAsync).RequireAuthorization(Policies.CaseWriter).WithName("AcknowledgeCaseAlert").WithSummary("Mark an alert seen (logged)");
        alerts.MapGet("/{alertId}/route", ProposeRouteAsync).WithName("ProposeAlertRoute").WithSummary("The urgent routes (expedited preservation, freezing) to the State of the service an alert reached, with channel and contacts");
        alerts.MapPost("/{alertId}/draft", DraftFromAlertAsync).RequireAuthorization(Policies.RequestWriter).WithName("DraftFromAlert").WithSummary("Draft the proposed urgent request in one call, pre-filled from the alert (logged)");
        app.MapGet("/api/v1/alerts/open", OpenAlertsAsync).WithTags("Alerts").WithProblems().WithName("OpenAlerts").WithSummary("Open alerts per case the caller's agency sees (the badge)");
        return app;
    }

    public static async Task<Ok<Page<Watch>>> ListWatchesAsync(HttpContext http, WatchService watches, string reference, long? offset, int? limit) =>
        TypedResults.Ok(await watches.ListAsync(http.User.Actor(), reference, PageRequest.Of(offset, limit), http.RequestAborted));

    public static async Task<Created<Watch>> AddWatchAsync(HttpContext http, WatchService watches, string reference, WatchRequest body)
    {
        var watch = await watches.AddAsync(http.User.Actor(), reference, body, http.RequestAborted);
        return TypedResults.Created($"/api/v1/cases/{Uri.EscapeDataString(reference)}/watches/{watch.Id}", watch);
    }

    public static async Task<NoContent> RemoveWatchAsync(HttpContext http, WatchService watches, string reference, string watchId)
    {
        await watches.RemoveAsync(http.User.Actor(), reference, watchId, http.RequestAborted);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<Page<WatchAlert>>> ListAlertsAsync(HttpContext http, WatchService watches, string reference, long? offset, int? limit) =>
        TypedResults.Ok(await watches.AlertsAsync(http.User.Actor(), reference, PageRequest.Of(offset, limit), http.RequestAborted));

    public static async Task<Ok<WatchAlert>> AcknowledgeAlertAsync(HttpContext http, WatchService watches, string reference, string alertId) =>
        TypedResults.Ok(await watches.AcknowledgeAsync(http.User.Actor(), reference, alertId, http.RequestAborted));

    public static async Task<Ok<UrgentRouteProposal>> ProposeRouteAsync(HttpContext http, WatchService watches, string reference, string alertId, string? from) =>
        TypedResults.Ok(await watches.ProposeAsync(http.User.Actor(), reference, alertId, from, http.RequestAborted));

    public static async Task<Ok<DraftedRequests>> DraftFromAlertAsync(HttpContext http, WatchService watches, string reference, string alertId, AlertDraftRequest body) =>
        TypedResults.Ok(await watches.DraftAsync(http.User.Actor(), reference, alertId, body, http.RequestAborted));

    public static async Task<Ok<IReadOnlyList<OpenAlerts>>> OpenAlertsAsync(HttpContext http, WatchService watches) =>
        TypedResults.Ok(await watches.OpenAlertsAsync(http.User.Actor(), http.RequestAborted));
}
