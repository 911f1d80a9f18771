using Cairn.Workspace.Cases;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Server.Api;

/// <summary>GET /api/v1/cases/{reference}/export[?pseudonymise=true]: the case and its ledger as a JSON file, optionally pseudonymised (logged; docs/operations.md).</summary>
public static class CaseExportApi
{
    public static IEndpointRouteBuilder MapCaseExportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/cases/{reference}/export", ExportAsync).WithTags("Cases").WithProblems().WithName("ExportCase")
            .WithSummary("The case and its ledger as JSON; pseudonymise=true replaces the personal data of natural persons with pseudonyms made for this export (logged)")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
        return app;
    }

    public static async Task<FileContentHttpResult> ExportAsync(HttpContext http, CaseExportService exports, string reference, bool? pseudonymise)
    {
        var bytes = await exports.ExportAsync(http.User.Actor(), reference, pseudonymise ?? false, http.RequestAborted);
        return TypedResults.File(bytes, "application/json", $"{reference}{(pseudonymise == true ? "-pseudonymised" : "")}.json");
    }
}
