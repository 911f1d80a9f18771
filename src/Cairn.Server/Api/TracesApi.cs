using Cairn.Cases.Evidence;
using Cairn.Cases.Traces;
using Cairn.Core.Paging;
using Cairn.Server.Auth;
using Cairn.Workspace.Tracing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Server.Api;

/// <summary>
/// Traces: an unsaved trace on either chain (/api/v1/trace), and a case's saved traces: run and
/// save (with the request and chain tip), list, read, re-run to show it still gives the same
/// result, and attach as evidence (its JSON stored by hash like any other file).
/// </summary>
public static class TracesApi
{
    public static IEndpointRouteBuilder MapTracesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/trace", TraceAsync).WithTags("Tracing").WithProblems()
            .WithName("Trace").WithSummary("Follow funds from addresses or outputs on Bitcoin (chain btc) or from an address on Ethereum (chain eth), without saving");
        var traces = app.MapGroup("/api/v1/cases/{reference}/traces").WithTags("Tracing").WithProblems();
        traces.MapGet("/", ListTracesAsync).WithName("ListCaseTraces").WithSummary("A case's saved traces, newest first (logged)");
        traces.MapPost("/", SaveTraceAsync).RequireAuthorization(Policies.CaseWriter).WithName("SaveCaseTrace").WithSummary("Run a trace (Bitcoin or Ethereum) and keep it with the case (request, chain tip, report, parts for paging)");
        traces.MapGet("/{id}", GetTraceAsync).WithName("GetCaseTrace").WithSummary("A saved trace and its report (logged)");
        traces.MapPost("/{id}/rerun", RerunTraceAsync).WithName("RerunCaseTrace").WithSummary("Run a saved trace again and compare it with the saved result");
        traces.MapGet("/{id}/summary", TraceSummaryAsync).WithName("GetCaseTraceSummary").WithSummary("A saved trace at a glance: request, tip, totals, jurisdictions with fiat values, bounds (logged)");
        traces.MapGet("/{id}/entities", TraceEntitiesAsync).WithName("ListCaseTraceEntities").WithSummary("One page of a saved trace's entities, largest amount first (logged)");
        traces.MapGet("/{id}/entities/{entityId}", TraceEntityAsync).WithName("GetCaseTraceEntity").WithSummary("An entity's details: a page of its addresses with transactions and times, tags with source and confidence, heuristics, note (logged)");
        traces.MapGet("/{id}/endpoints", TraceEndpointsAsync).WithName("ListCaseTraceEndpoints").WithSummary("One page of a saved trace's endpoints (of one entity), with fiat values when asked (logged)");
        traces.MapGet("/{id}/graph", TraceGraphAsync).WithName("GetCaseTraceGraph").WithSummary("The entity graph folded to at most max_nodes nodes, with expanded entities and a time window (logged)");
        traces.MapPut("/{id}/annotations/{nodeId}", AnnotateTraceAsync).RequireAuthorization(Policies.CaseWriter).WithName("AnnotateCaseTrace").WithSummary("Set or clear the note on a node of a saved trace's graph (logged)");
        traces.MapPost("/{id}/evidence", AttachTraceAsync).RequireAuthorization(Policies.CaseWriter).WithName("AttachCaseTraceAsEvidence").WithSummary("Store a saved trace's report as evidence of the case");
        return app;
    }

    public static async Task<Results<Ok<TraceReport>, Ok<EthTraceReport>>> TraceAsync(TraceService traces, TraceParameters body, string? fiat, CancellationToken cancellationToken) =>
        body.IsEthereum
            ? TypedResults.Ok(await traces.TraceEthereumAsync(body, fiat: fiat, cancellationToken: cancellationToken))
            : TypedResults.Ok(await traces.TraceBitcoinAsync(body, fiat: fiat, cancellationToken: cancellationToken));

    public static async Task<Ok<TraceSummary>> TraceSummaryAsync(HttpContext http, TraceService traces, string reference, string id) =>
        TypedResults.Ok(await traces.SummaryAsync(http.User.Actor(), reference, id, http.RequestAborted));

    public static async Task<Ok<Page<TraceEntityView>>> TraceEntitiesAsync(HttpContext http, TraceService traces, string reference, string id, long? offset, int? limit) =>
        TypedResults.Ok(await traces.EntitiesAsync(http.User.Actor(), reference, id, PageRequest.Of(offset, limit), http.RequestAborted));

    public static async Task<Ok<EntityDetailView>> TraceEntityAsync(HttpContext http, TraceService traces, string reference, string id, string entityId, long? offset, int? limit) =>
        TypedResults.Ok(await traces.EntityAsync(http.User.Actor(), reference, id, entityId, PageRequest.Of(offset, limit), http.RequestAborted));

    public static async Task<Ok<Page<TraceEndpointView>>> TraceEndpointsAsync(HttpContext http, TraceService traces, string reference, string id, string? entity, string? fiat, long? offset, int? limit) =>
        TypedResults.Ok(await traces.EndpointsAsync(http.User.Actor(), reference, id, entity, fiat, PageRequest.Of(offset, limit), http.RequestAborted));

    public static async Task<Ok<EntityGraphView>> TraceGraphAsync(HttpContext http, TraceService traces, string reference, string id, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "max_nodes")] int? maxNodes, string? expand, DateTimeOffset? from, DateTimeOffset? until) =>
        TypedResults.Ok(await traces.GraphAsync(http.User.Actor(), reference, id,
            new GraphQuery(maxNodes, expand?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), from, until), http.RequestAborted));

    public static async Task<Ok<AnnotationAnswer>> AnnotateTraceAsync(HttpContext http, TraceService traces, string reference, string id, string nodeId, AnnotationBody body) =>
        TypedResults.Ok(new AnnotationAnswer(nodeId, await traces.AnnotateAsync(http.User.Actor(), reference, id, nodeId, body?.Text, http.RequestAborted)));

    /// <summary>A note to set on a graph node (empty or null: remove it).</summary>
    public sealed record AnnotationBody(string? Text);

    /// <summary>The node and its note after the change (null when removed).</summary>
    public sealed record AnnotationAnswer(string NodeId, Cairn.Cases.Traces.TraceAnnotation? Annotation);

    public static async Task<Ok<Page<CaseTrace>>> ListTracesAsync(HttpContext http, TraceService traces, string reference, long? offset, int? limit) =>
        TypedResults.Ok(await traces.ListAsync(http.User.Actor(), reference, PageRequest.Of(offset, limit), http.RequestAborted));

    public static async Task<Created<SavedTraceView>> SaveTraceAsync(HttpContext http, TraceService traces, string reference, SaveTraceRequest body)
    {
        var saved = await traces.SaveAsync(http.User.Actor(), reference, body, http.RequestAborted);
        return TypedResults.Created($"/api/v1/cases/{Uri.EscapeDataString(reference)}/traces/{saved.Trace.Id}", saved);
    }

    public static async Task<Ok<SavedTraceView>> GetTraceAsync(HttpContext http, TraceService traces, string reference, string id) =>
        TypedResults.Ok(await traces.GetAsync(http.User.Actor(), reference, id, http.RequestAborted));

    public static async Task<Ok<RerunComparison>> RerunTraceAsync(HttpContext http, TraceService traces, string reference, string id) =>
        TypedResults.Ok(await traces.RerunAsync(http.User.Actor(), reference, id, http.RequestAborted));

    public static async Task<Created<EvidenceItem>> AttachTraceAsync(HttpContext http, TraceService traces, string reference, string id)
    {
        var item = await traces.AttachAsEvidenceAsync(http.User.Actor(), reference, id, http.RequestAborted);
        return TypedResults.Created($"/api/v1/cases/{Uri.EscapeDataString(reference)}/evidence", item);
    }
}
