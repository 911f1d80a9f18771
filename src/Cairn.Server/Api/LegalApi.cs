using Cairn.Core.Paging;
using Cairn.Legal.Requests;
using Cairn.Legal.Routing;
using Cairn.Server.Auth;
using Cairn.Workspace.Legal;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Server.Api;

/// <summary>
/// Routes (/api/v1/routes) and legal requests: draft from a saved trace of a case, read with the
/// completeness check and deadlines, fill content items (version-checked), check unsaved edits
/// live, move status, render as DOCX/PDF/JSON, and the overdue/due-soon reminders.
/// </summary>
public static class LegalApi
{
    public static IEndpointRouteBuilder MapLegalApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/routes", FindRoutes).WithTags("Legal cooperation").WithProblems()
            .WithName("FindRoutes").WithSummary("Legal routes from one State to another for a measure on a date (on, default today), ranked, with addressee, languages, channel, deadlines, required contents and notes");
        var data = app.MapGroup("/api/v1/legal").WithTags("Legal cooperation").WithProblems();
        data.MapGet("/check", CheckLegalData).WithName("CheckLegalData").WithSummary("Check the legal reference data: one line per problem (none: it passes)");
        data.MapGet("/coverage", LegalCoverage).WithName("LegalCoverage").WithSummary("Coverage of the legal reference data per instrument: listed parties, depositary count, as-of date, verified share");
        var forCase = app.MapGroup("/api/v1/cases/{reference}/requests").WithTags("Legal cooperation").WithProblems();
        forCase.MapGet("/", ListCaseRequestsAsync).WithName("ListCaseRequests").WithSummary("The requests drafted for a case (a read of the case)");
        forCase.MapPost("/draft", DraftRequestsAsync).RequireAuthorization(Policies.RequestWriter)
            .WithName("DraftRequests").WithSummary("Draft one request per State and measure from a saved trace of the case (named, else the agency's newest); overlaps with existing requests must be acknowledged");
        forCase.MapGet("/deconfliction", ListCaseRequestsOfAllAgenciesAsync)
            .WithName("ListCaseRequestsOfAllAgencies").WithSummary("Every agency's requests for the case: who asked which State for what, status, drafted and sent (deconfliction)");
        var requests = app.MapGroup("/api/v1/requests").WithTags("Legal cooperation").WithProblems();
        requests.MapGet("/", ListRequestsAsync).WithName("ListRequests")
            .WithSummary("The caller's agency's requests with status, completeness and next deadline; filters: case, status, state, instrument, due (overdue, due_soon, any)");
        requests.MapGet("/due", ListDueAsync).WithName("ListDueDeadlines").WithSummary("Overdue and due-soon deadlines of the agency's requests");
        requests.MapGet("/{id}", GetRequestAsync).WithName("GetRequest").WithSummary("A request with its version, completeness, deadlines and required contents (logged)");
        requests.MapPut("/{id}/contents/{item}", SetContentAsync).RequireAuthorization(Policies.RequestWriter)
            .WithName("SetRequestContent").WithSummary("Fill a content item of a draft (version-checked); answers the completeness after the change");
        requests.MapPost("/{id}/check", CheckRequestAsync).WithName("CheckRequest").WithSummary("Check a request with unsaved edits applied, writing nothing");
        // Who may validate depends on the request's instrument (Cairn.Legal ValidationRules), so the role is checked by the
        // application and refused with a problem naming the role and article, rather than by a fixed policy here.
        requests.MapPost("/{id}/validate", ValidateRequestAsync).WithName("ValidateRequest")
            .WithSummary("Validate a ready request for sending as its instrument requires (a Prosecutor; four eyes where no article names the validator); 403 for a user who may not");
        requests.MapPost("/{id}/status", MoveRequestAsync).RequireAuthorization(Policies.RequestWriter)
            .WithName("SetRequestStatus").WithSummary("Move a request to a new status (ready, sent, acknowledged, executed, refused, withdrawn…)");
        requests.MapGet("/{id}/render", RenderRequestAsync).WithName("RenderRequest").WithSummary("Render a request as DOCX, PDF or JSON (logged with the file's SHA-256, also in X-Cairn-Sha256)")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", additionalContentTypes: ["application/pdf", "application/json"]);
        return app;
    }

    public static Ok<RouteResult> FindRoutes(LegalReferenceService legal, string? from, string? to, string? measure, bool? urgent, string? offence, string? on) =>
        TypedResults.Ok(legal.Route(new RouteRequest(from, to, measure, urgent, offence, on)));

    public static Ok<DataCheckView> CheckLegalData(LegalReferenceService legal) => TypedResults.Ok(legal.Check());

    public static Ok<CoverageView> LegalCoverage(LegalReferenceService legal) => TypedResults.Ok(legal.Coverage());

    public static async Task<Ok<Page<RequestSummary>>> ListCaseRequestsAsync(HttpContext http, LegalRequestService legal, string reference, long? offset, int? limit) =>
        TypedResults.Ok(await legal.ListAsync(http.User.Actor(), reference, PageRequest.Of(offset, limit), http.RequestAborted));

    public static async Task<Ok<DraftedRequests>> DraftRequestsAsync(HttpContext http, LegalRequestService legal, string reference, DraftRequest body) =>
        TypedResults.Ok(await legal.DraftFromTraceAsync(http.User.Actor(), reference, body, http.RequestAborted));

    public static async Task<Ok<Page<RequestSummary>>> ListRequestsAsync(HttpContext http, LegalRequestService legal, string? @case, string? status, string? state, string? instrument, string? due,
        long? offset, int? limit) =>
        TypedResults.Ok(await legal.ListAsync(http.User.Actor(), new RequestFilter(@case, status, state, instrument, due), PageRequest.Of(offset, limit), http.RequestAborted));

    public static async Task<Ok<IReadOnlyList<CaseRequestView>>> ListCaseRequestsOfAllAgenciesAsync(HttpContext http, LegalRequestService legal, string reference) =>
        TypedResults.Ok(await legal.OfCaseAsync(http.User.Actor(), reference, http.RequestAborted));

    public static async Task<Ok<Page<ComputedDeadline>>> ListDueAsync(HttpContext http, LegalRequestService legal, long? offset, int? limit) =>
        TypedResults.Ok(await legal.DueAsync(http.User.Actor(), PageRequest.Of(offset, limit), http.RequestAborted));

    public static async Task<Ok<RequestDetail>> GetRequestAsync(HttpContext http, LegalRequestService legal, string id) =>
        TypedResults.Ok(await legal.DetailAsync(http.User.Actor(), id, http.RequestAborted));

    public static async Task<Ok<CompletenessReport>> SetContentAsync(HttpContext http, LegalRequestService legal, string id, string item, ContentRequest body) =>
        TypedResults.Ok(await legal.SetContentAsync(http.User.Actor(), id, item, body.Text ?? "", body.Version, http.RequestAborted));

    public static async Task<Ok<CompletenessReport>> CheckRequestAsync(HttpContext http, LegalRequestService legal, string id, CheckRequest body) =>
        TypedResults.Ok(await legal.CheckAsync(http.User.Actor(), id, body.Contents, http.RequestAborted));

    public static async Task<Ok<ValidationView>> ValidateRequestAsync(HttpContext http, LegalRequestService legal, string id) =>
        TypedResults.Ok(await legal.ValidateAsync(http.User.Actor(), id, http.RequestAborted));

    public static async Task<Ok<RequestStatusView>> MoveRequestAsync(HttpContext http, LegalRequestService legal, string id, StatusRequest body)
    {
        Cairn.Core.ValidationException.Required(body.To, "to");
        return TypedResults.Ok(await legal.StatusAsync(http.User.Actor(), id, body, http.RequestAborted));
    }

    public static async Task<FileContentHttpResult> RenderRequestAsync(HttpContext http, LegalRequestService legal, string id, string? format)
    {
        var rendered = await legal.RenderRequestAsync(http.User.Actor(), id, format, http.RequestAborted);
        http.Response.Headers["X-Cairn-Sha256"] = rendered.Sha256;
        return TypedResults.File(rendered.Bytes, rendered.ContentType, rendered.FileName);
    }
}
