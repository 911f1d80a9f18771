using Cairn.Cases.Traces;
using Cairn.Server.Auth;
using Cairn.Storage;
using Cairn.Storage.Traces;
using Cairn.Tracing.Tracing;
using Cairn.Workspace.Tracing;

namespace Cairn.Server.Api;

/// <summary>
/// /api/v1/cases/{reference}/traces: run and save a trace with the case (its parameters and chain
/// tip recorded), list and read saved traces, re-run one to show it still gives the same result,
/// and attach one to the case as evidence (its JSON stored by hash like any other file).
/// </summary>
internal static class TraceEndpoints
{
    public sealed record SaveBody(string? Title, TraceParameters? Request);

    public static void Map(IEndpointRouteBuilder api)
    {
        var traces = api.MapGroup("/cases/{reference}/traces").WithTags("trace");
        traces.MapGet("/", async (HttpContext http, CairnDatabase db, string reference, long? offset, int? limit) =>
            Page<CaseTrace>.Of(await new SqlTraceStore(db).ListAsync(http.User.Actor(), reference, http.RequestAborted), offset, limit));
        traces.MapPost("/", async (HttpContext http, CairnDatabase db, TraceService tracer, string reference, SaveBody body) =>
        {
            // Visibility first: a trace can take seconds, and another agency must learn nothing from one.
            await new Storage.Cases.SqlCaseStore(db).GetAsync(http.User.Actor(), reference, http.RequestAborted);
            var parameters = body.Request ?? throw new Core.CairnException("field 'request' is required");
            var result = await tracer.RunAsync(parameters, http.RequestAborted);
            var report = TraceReport.From(result);
            // The full request (every bound, not only what was typed) is what a re-run needs.
            var saved = await new SqlTraceStore(db).SaveAsync(http.User.Actor(), reference, report.Chain, body.Title ?? $"{report.Request.Model} {parameters.Direction} from {string.Join(", ", parameters.From)}",
                TraceRequestJson.Serialize(SavedTrace.Of(result)), report.TipHeight, report.TipHash, TraceJson.Serialize(report), http.RequestAborted);
            return Results.Created($"/api/v1/cases/{Uri.EscapeDataString(reference)}/traces/{saved.Id}", new { trace = saved with { ResultJson = null }, report });
        }).RequireAuthorization(Policies.CaseWriter);
        traces.MapGet("/{id}", async (HttpContext http, CairnDatabase db, string reference, string id) =>
        {
            var saved = await new SqlTraceStore(db).GetAsync(http.User.Actor(), reference, id, http.RequestAborted);
            return new { trace = saved with { ResultJson = null }, report = TraceJson.DeserializeReport(saved.ResultJson!) };
        });
        traces.MapPost("/{id}/rerun", async (HttpContext http, CairnDatabase db, TraceService tracer, string reference, string id) =>
        {
            var saved = await new SqlTraceStore(db).GetAsync(http.User.Actor(), reference, id, http.RequestAborted);
            var request = TraceRequestJson.Deserialize(saved.RequestJson).Request;
            var report = TraceReport.From(await tracer.RunAsync(request, http.RequestAborted));
            var again = TraceJson.Serialize(report);
            var sameTip = report.TipHeight == saved.TipHeight && report.TipHash == saved.TipHash;
            return new
            {
                identical = again == saved.ResultJson,
                same_tip = sameTip,
                saved_sha256 = saved.ResultSha256,
                rerun_sha256 = Cairn.Cases.Custody.CustodyRecord.HashOf(again),
                note = sameTip ? null : $"the index moved from height {saved.TipHeight} to {report.TipHeight}: later spends can change a forward trace",
            };
        });
        traces.MapPost("/{id}/evidence", async (HttpContext http, CairnDatabase db, string reference, string id) =>
        {
            var actor = http.User.Actor();
            var saved = await new SqlTraceStore(db).GetAsync(actor, reference, id, http.RequestAborted);
            var item = await TraceEvidence.AttachAsync(db, actor, reference, saved, http.RequestAborted);
            return Results.Created($"/api/v1/cases/{Uri.EscapeDataString(reference)}/evidence", item);
        }).RequireAuthorization(Policies.CaseWriter);
    }
}
