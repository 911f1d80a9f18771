using Cairn.Cases.Cases;
using Cairn.Core.Paging;
using Cairn.Server.Auth;
using Cairn.Workspace.Cases;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Server.Api;

/// <summary>
/// /api/v1/cases: list, open, read, edit (title and offence, wallets, subjects, notes, status with
/// its reason; version-checked), share at a level and revoke. The application decides visibility and
/// access by agency and logs every read and write in the custody log.
/// </summary>
public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/v1/cases").WithTags("Cases").WithProblems();
        cases.MapGet("/", ListCasesAsync).WithName("ListCases").WithSummary("Cases the caller's agency owns or was granted");
        cases.MapPost("/", CreateCaseAsync).RequireAuthorization(Policies.CaseWriter).WithName("CreateCase").WithSummary("Open a case owned by the caller's agency");
        cases.MapGet("/{reference}", GetCaseAsync).WithName("GetCase").WithSummary("Read a case with its subjects, wallets, notes, links and grants (logged)");
        cases.MapGet("/{reference}/dashboard", GetDashboardAsync).WithName("GetCaseDashboard")
            .WithSummary("A case's front page: traced value, requests and the recovery funnel per jurisdiction (in fiat too with ?fiat=USD|EUR|…, \"no rate\" as null), next deadlines, open alerts, latest activity (logged)");
        cases.MapPut("/{reference}", UpdateCaseAsync).RequireAuthorization(Policies.CaseWriter).WithName("UpdateCase").WithSummary("Change a case's title and offence type (owner only; version-checked)");
        cases.MapPost("/{reference}/share", ShareCaseAsync).RequireAuthorization(Policies.RequestWriter).WithName("ShareCase")
            .WithSummary("Share a case with a registered agency, read-only or contributing (owner only; the agency is notified; logged)");
        cases.MapDelete("/{reference}/share/{agency}", RevokeShareAsync).RequireAuthorization(Policies.RequestWriter).WithName("RevokeCaseShare")
            .WithSummary("Revoke an agency's access to a case (owner only; the agency is notified; logged)");
        cases.MapPost("/{reference}/wallets", AddWalletAsync).RequireAuthorization(Policies.CaseWriter).WithName("AddCaseWallet").WithSummary("Record a wallet on a case, or change its role and label (version-checked)");
        cases.MapDelete("/{reference}/wallets/{chain}/{address}", RemoveWalletAsync).RequireAuthorization(Policies.CaseWriter).WithName("RemoveCaseWallet").WithSummary("Remove a wallet from a case (version-checked)");
        cases.MapPost("/{reference}/subjects", AddSubjectAsync).RequireAuthorization(Policies.CaseWriter).WithName("AddCaseSubject").WithSummary("Add a person or organisation with its identifiers (version-checked)");
        cases.MapPut("/{reference}/subjects/{subject}", UpdateSubjectAsync).RequireAuthorization(Policies.CaseWriter).WithName("UpdateCaseSubject").WithSummary("Change a subject (version-checked)");
        cases.MapDelete("/{reference}/subjects/{subject}", RemoveSubjectAsync).RequireAuthorization(Policies.CaseWriter).WithName("RemoveCaseSubject").WithSummary("Remove a subject (version-checked)");
        cases.MapPost("/{reference}/notes", AddNoteAsync).RequireAuthorization(Policies.CaseWriter).WithName("AddCaseNote").WithSummary("Add a note to a case (version-checked)");
        cases.MapPost("/{reference}/status", SetStatusAsync).RequireAuthorization(Policies.CaseWriter).WithName("SetCaseStatus").WithSummary("Open, suspend or close a case, with the reason (version-checked)");
        return app;
    }

    public static async Task<Ok<Page<CaseSummary>>> ListCasesAsync(HttpContext http, CaseService cases, long? offset, int? limit) =>
        TypedResults.Ok(await cases.ListAsync(http.User.Actor(), PageRequest.Of(offset, limit), http.RequestAborted));

    public static async Task<Created<Case>> CreateCaseAsync(HttpContext http, CaseService cases, NewCaseRequest body)
    {
        var created = await cases.CreateAsync(http.User.Actor(), body, http.RequestAborted);
        return TypedResults.Created($"/api/v1/cases/{Uri.EscapeDataString(created.Reference)}", created);
    }

    public static async Task<Ok<Case>> GetCaseAsync(HttpContext http, CaseService cases, string reference) =>
        TypedResults.Ok(await cases.GetAsync(http.User.Actor(), reference, http.RequestAborted));

    public static async Task<Ok<CaseDashboard>> GetDashboardAsync(HttpContext http, CaseDashboardService dashboards, string reference, string? fiat) =>
        TypedResults.Ok(await dashboards.GetAsync(http.User.Actor(), reference, fiat, http.RequestAborted));

    public static async Task<Ok<Case>> UpdateCaseAsync(HttpContext http, CaseService cases, string reference, CaseUpdateRequest body) =>
        TypedResults.Ok(await cases.UpdateAsync(http.User.Actor(), reference, body, http.RequestAborted));

    public static async Task<Ok<Case>> RevokeShareAsync(HttpContext http, CaseService cases, string reference, string agency) =>
        TypedResults.Ok(await cases.RevokeAsync(http.User.Actor(), reference, agency, http.RequestAborted));

    public static async Task<Ok<Case>> RemoveWalletAsync(HttpContext http, CaseService cases, string reference, string chain, string address, long? version) =>
        TypedResults.Ok(await cases.RemoveWalletAsync(http.User.Actor(), reference, chain, address, version, http.RequestAborted));

    public static async Task<Ok<Case>> AddSubjectAsync(HttpContext http, CaseService cases, string reference, SubjectRequest body) =>
        TypedResults.Ok(await cases.AddSubjectAsync(http.User.Actor(), reference, body, http.RequestAborted));

    public static async Task<Ok<Case>> UpdateSubjectAsync(HttpContext http, CaseService cases, string reference, string subject, SubjectRequest body) =>
        TypedResults.Ok(await cases.UpdateSubjectAsync(http.User.Actor(), reference, subject, body, http.RequestAborted));

    public static async Task<Ok<Case>> RemoveSubjectAsync(HttpContext http, CaseService cases, string reference, string subject, long? version) =>
        TypedResults.Ok(await cases.RemoveSubjectAsync(http.User.Actor(), reference, subject, version, http.RequestAborted));

    public static async Task<Ok<Case>> ShareCaseAsync(HttpContext http, CaseService cases, string reference, ShareRequest body) =>
        TypedResults.Ok(await cases.ShareAsync(http.User.Actor(), reference, body, http.RequestAborted));

    public static async Task<Ok<Case>> AddWalletAsync(HttpContext http, CaseService cases, string reference, WalletRequest body) =>
        TypedResults.Ok(await cases.AddWalletAsync(http.User.Actor(), reference, body, http.RequestAborted));

    public static async Task<Ok<Case>> AddNoteAsync(HttpContext http, CaseService cases, string reference, NoteRequest body) =>
        TypedResults.Ok(await cases.AddNoteAsync(http.User.Actor(), reference, body, http.RequestAborted));

    public static async Task<Ok<Case>> SetStatusAsync(HttpContext http, CaseService cases, string reference, CaseStatusRequest body) =>
        TypedResults.Ok(await cases.SetStatusAsync(http.User.Actor(), reference, body, http.RequestAborted));
}
