using Cairn.Cases.Cases;
using Cairn.Core.Paging;
using Cairn.Server.Auth;
using Cairn.Workspace.Cases;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Server.Api;

/// <summary>
/// /api/v1/cases: list, open, read, change (version-checked), share, add wallets and notes.
/// The application decides visibility by agency and logs every read and write in the custody log.
/// </summary>
public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/v1/cases").WithTags("Cases").WithProblems();
        cases.MapGet("/", ListCasesAsync).WithName("ListCases").WithSummary("Cases the caller's agency owns or was granted");
        cases.MapPost("/", CreateCaseAsync).RequireAuthorization(Policies.CaseWriter).WithName("CreateCase").WithSummary("Open a case owned by the caller's agency");
        cases.MapGet("/{reference}", GetCaseAsync).WithName("GetCase").WithSummary("Read a case with its subjects, wallets, notes, links and grants (logged)");
        cases.MapPost("/{reference}/share", ShareCaseAsync).RequireAuthorization(Policies.RequestWriter).WithName("ShareCase").WithSummary("Grant another agency access to a case (owner only; logged)");
        cases.MapPost("/{reference}/wallets", AddWalletAsync).RequireAuthorization(Policies.CaseWriter).WithName("AddCaseWallet").WithSummary("Record a wallet on a case (version-checked)");
        cases.MapPost("/{reference}/notes", AddNoteAsync).RequireAuthorization(Policies.CaseWriter).WithName("AddCaseNote").WithSummary("Add a note to a case (version-checked)");
        cases.MapPost("/{reference}/status", SetStatusAsync).RequireAuthorization(Policies.CaseWriter).WithName("SetCaseStatus").WithSummary("Open, suspend or close a case (version-checked)");
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

    public static async Task<Ok<Case>> ShareCaseAsync(HttpContext http, CaseService cases, string reference, ShareRequest body) =>
        TypedResults.Ok(await cases.ShareAsync(http.User.Actor(), reference, body, http.RequestAborted));

    public static async Task<Ok<Case>> AddWalletAsync(HttpContext http, CaseService cases, string reference, WalletRequest body) =>
        TypedResults.Ok(await cases.AddWalletAsync(http.User.Actor(), reference, body, http.RequestAborted));

    public static async Task<Ok<Case>> AddNoteAsync(HttpContext http, CaseService cases, string reference, NoteRequest body) =>
        TypedResults.Ok(await cases.AddNoteAsync(http.User.Actor(), reference, body, http.RequestAborted));

    public static async Task<Ok<Case>> SetStatusAsync(HttpContext http, CaseService cases, string reference, CaseStatusRequest body) =>
        TypedResults.Ok(await cases.SetStatusAsync(http.User.Actor(), reference, body, http.RequestAborted));
}
