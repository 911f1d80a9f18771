using Cairn.Legal.Requests;
using Cairn.Legal.Routing;
using Cairn.Server.Auth;
using Cairn.Storage;
using Cairn.Storage.Traces;
using Cairn.Workspace.Legal;
using Cairn.Workspace.Tracing;

namespace Cairn.Server.Api;

/// <summary>
/// Routes (/api/v1/routes) and legal requests: draft from a saved trace of a case, read with the
/// completeness check and deadlines, fill content items (version-checked), check unsaved edits
/// live, move status, render as DOCX/PDF/JSON, and the overdue/due-soon reminders.
/// </summary>
internal static class LegalEndpoints
{
    public sealed record DraftBody(string? TraceId, string? From, IReadOnlyList<string>? Measures, bool? Urgent, string? Language, string? Authority, string? Offence);

    public sealed record ContentBody(string? Text, long? Version);

    public sealed record CheckBody(Dictionary<string, string>? Contents);

    public sealed record StatusBody(string? To, DateTimeOffset? At, string? Note, string? Ground);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/routes", (LegalRequestService legal, TimeProvider time, string from, string to, string measure, bool? urgent, string? offence) =>
            new RouteFinder(legal.Reference, time).Find(new RouteQuery(from, to, measure, urgent ?? false, offence))).WithTags("legal");

        var forCase = api.MapGroup("/cases/{reference}/requests").WithTags("legal");
        forCase.MapGet("/", async (HttpContext http, CairnDatabase db, LegalRequestService legal, string reference, long? offset, int? limit) =>
        {
            // Requests are kept per drafting agency; the case itself must be visible too (and reading its list is a read of the case).
            await new Storage.Cases.SqlCaseStore(db).GetAsync(http.User.Actor(), reference, http.RequestAborted);
            return Page<object>.Of((await legal.ListAsync(http.User.Actor(), reference, http.RequestAborted)).Select(r => Summary(legal, r)).ToList(), offset, limit);
        });
        forCase.MapPost("/draft", async (HttpContext http, CairnDatabase db, LegalRequestService legal, string reference, DraftBody body) =>
        {
            var actor = http.User.Actor();
            var theCase = await new Storage.Cases.SqlCaseStore(db).GetAsync(actor, reference, http.RequestAborted);
            var traces = new SqlTraceStore(db);
            var traceId = body.TraceId ?? (await traces.ListAsync(actor, reference, http.RequestAborted)).FirstOrDefault()?.Id
                ?? throw new Core.CairnException($"case '{reference}' has no saved trace to draft from: save a trace first");
            var saved = await traces.GetAsync(actor, reference, traceId, http.RequestAborted);
            var findings = TraceFindings.From(TraceJson.DeserializeReport(saved.ResultJson!));
            if (findings.Count == 0) throw new Core.CairnException($"trace {traceId} reached no attributed service in a known jurisdiction: nothing to request");
            var result = await legal.DraftAsync(actor, new DraftInput(reference, Http.Required(body.From, "from").ToUpperInvariant(), findings,
                body.Measures is { Count: > 0 } m ? m : throw new Core.CairnException("field 'measures' needs at least one measure"),
                body.Urgent ?? false, body.Language ?? "en", body.Authority, body.Offence, theCase.OffenceType), http.RequestAborted);
            return new { drafts = result.Drafts.Select(r => Summary(legal, r)), unroutable = result.Unroutable };
        }).RequireAuthorization(Policies.RequestWriter);

        var requests = api.MapGroup("/requests").WithTags("legal");
        requests.MapGet("/", async (HttpContext http, LegalRequestService legal, long? offset, int? limit) =>
            Page<object>.Of((await legal.ListAsync(http.User.Actor(), null, http.RequestAborted)).Select(r => Summary(legal, r)).ToList(), offset, limit));
        requests.MapGet("/due", async (HttpContext http, LegalRequestService legal, long? offset, int? limit) =>
            Page<ComputedDeadline>.Of(legal.Reminders(await legal.ListAsync(http.User.Actor(), null, http.RequestAborted)), offset, limit));
        requests.MapGet("/{id}", async (HttpContext http, LegalRequestService legal, string id) =>
        {
            var (request, version) = await legal.GetAsync(http.User.Actor(), id, http.RequestAborted);
            var (_, rule) = legal.Reference.Rule(request.RuleId);
            return new { request, version, status = RequestLifecycle.Name(request.Status), completeness = legal.Check(request), deadlines = legal.Deadlines(request), required_contents = rule.RequiredContents };
        });
        requests.MapPut("/{id}/contents/{item}", async (HttpContext http, LegalRequestService legal, string id, string item, ContentBody body) =>
            await legal.SetContentAsync(http.User.Actor(), id, item, body.Text ?? "", body.Version, http.RequestAborted))
            .RequireAuthorization(Policies.RequestWriter);
        requests.MapPost("/{id}/check", async (HttpContext http, LegalRequestService legal, string id, CheckBody body) =>
        {
            // The editor's live check: the stored request with the unsaved edits applied, nothing written.
            var (request, _) = await legal.GetAsync(http.User.Actor(), id, http.RequestAborted);
            foreach (var (item, text) in body.Contents ?? []) request.Contents[item] = text;
            return legal.Check(request);
        });
        requests.MapPost("/{id}/status", async (HttpContext http, LegalRequestService legal, string id, StatusBody body) =>
        {
            var changed = await legal.TransitionAsync(http.User.Actor(), id, Http.Required(body.To, "to"), body.At, body.Note, body.Ground, http.RequestAborted);
            return new { id, status = RequestLifecycle.Name(changed.Status), deadlines = legal.Deadlines(changed) };
        }).RequireAuthorization(Policies.RequestWriter);
        requests.MapGet("/{id}/render", async (HttpContext http, LegalRequestService legal, string id, string? format) =>
        {
            var kind = format ?? "docx";
            var (bytes, sha256, contentType) = await legal.RenderAsync(http.User.Actor(), id, kind, http.RequestAborted);
            http.Response.Headers["X-Cairn-Sha256"] = sha256;
            return Results.File(bytes, contentType, $"{id}.{kind.ToLowerInvariant()}");
        });
    }

    private static object Summary(LegalRequestService legal, LegalRequest r)
    {
        var deadlines = legal.Deadlines(r);
        return new
        {
            r.Id, r.CaseReference, r.RequestType, r.RequestingState, r.RequestedState, r.Measure, Status = RequestLifecycle.Name(r.Status), r.LegalBasis, r.Channel, r.Urgent,
            Complete = legal.Check(r).Complete,
            NextDeadline = deadlines.Where(d => d.Due is not null && d.State is "pending" or "due_soon" or "overdue").OrderBy(d => d.Due).FirstOrDefault(),
            Overdue = deadlines.Any(d => d.State == "overdue"),
        };
    }
}
