using Cairn.Cases.Agencies;
using Cairn.Core.Paging;
using Cairn.Server.Auth;
using Cairn.Workspace.Administration;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Server.Api;

/// <summary>
/// The agency registry: admins register and change agencies (/api/v1/admin/agencies, beside the
/// accounts); every signed-in user reads the directory (/api/v1/agencies) to choose whom to share with.
/// </summary>
public static class AgenciesApi
{
    public static IEndpointRouteBuilder MapAgenciesApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin/agencies").WithTags("Administration").RequireAuthorization(Policies.Admin).WithProblems();
        admin.MapGet("/", ListAsync).WithName("ListRegisteredAgencies").WithSummary("The agency registry (admins)");
        admin.MapPost("/", RegisterAsync).WithName("RegisterAgency").WithSummary("Register an agency: code, name, State (ISO 3166-1 alpha-2), kind (police, prosecution, fiu, aro, court)");
        admin.MapPut("/{code}", UpdateAsync).WithName("UpdateAgency").WithSummary("Change a registered agency's name, State and kind");
        app.MapGet("/api/v1/agencies", ListAsync).WithTags("Administration").WithProblems()
            .WithName("ListAgencies").WithSummary("The registered agencies a case can be shared with (code, name, State, kind)");
        return app;
    }

    public static async Task<Ok<Page<Agency>>> ListAsync(AgencyService agencies, long? offset, int? limit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await agencies.ListAsync(PageRequest.Of(offset, limit), cancellationToken));

    public static async Task<Created<Agency>> RegisterAsync(HttpContext http, AgencyService agencies, AgencyRequest body)
    {
        var created = await agencies.RegisterAsync(http.User.Actor(), body, http.RequestAborted);
        return TypedResults.Created($"/api/v1/admin/agencies/{Uri.EscapeDataString(created.Code)}", created);
    }

    public static async Task<Ok<Agency>> UpdateAsync(HttpContext http, AgencyService agencies, string code, AgencyRequest body) =>
        TypedResults.Ok(await agencies.UpdateAsync(http.User.Actor(), code, body, http.RequestAborted));
}
