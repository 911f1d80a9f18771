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
        traces.MapPost("/", SaveTraceAsync).RequireAuthorization(Policies.CaseWriter).WithName("SaveCaseTrace").WithSummary("Run a Bitcoin trace and keep it with the case (request, chain tip, report)");
        traces.MapGet("/{id}", GetTraceAsync).WithName("GetCaseTrace").WithSummary("A saved trace and its report (logged)");
        traces.MapPost("/{id}/rerun", RerunTraceAsync).WithName("RerunCaseTrace").WithSummary("Run a saved trace again and compare it with the saved result");
        traces.MapPost("/{id}/evidence", AttachTraceAsync).RequireAuthorization(Policies.CaseWriter).WithName("AttachCaseTraceAsEvidence").WithSummary("Store a saved trace's report as evidence of the case");
        return app;
    }

    public static async Task<Results<Ok<TraceReport>, Ok<EthTraceReport>>> TraceAsync(TraceService traces, TraceParameters body, CancellationToken cancellationToken) =>
        body.IsEthereum
            ? TypedResults.Ok(await traces.TraceEthereumAsync(body, cancellationToken: cancellationToken))
            : TypedResults.Ok(await traces.TraceBitcoinAsync(body, cancellationToken: cancellationToken));

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
