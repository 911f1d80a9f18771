using Cairn.Server.Auth;
using Cairn.Valuation.Rates;
using Cairn.Workspace.Valuation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Server.Api;

/// <summary>/api/v1/rates: the fiat rate tables with their provenance, and importing one (date,rate lines with the rates' source; logged).</summary>
public static class RatesApi
{
    public static IEndpointRouteBuilder MapRatesApi(this IEndpointRouteBuilder app)
    {
        var rates = app.MapGroup("/api/v1/rates").WithTags("Valuation").WithProblems();
        rates.MapGet("/", ListRatesAsync).WithName("ListRateTables").WithSummary("Imported fiat rate tables: asset, currency, source, file hash, days covered, who imported them");
        rates.MapPost("/", ImportRatesAsync).RequireAuthorization(Policies.IntelWriter).WithName("ImportRateTable").WithSummary("Import daily rates of an asset in a fiat currency (CSV text date,rate) with their source (logged)");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<RateTable>>> ListRatesAsync(RateService rates, CancellationToken cancellationToken) =>
        TypedResults.Ok(await rates.ListAsync(cancellationToken));

    public static async Task<Created<RateTable>> ImportRatesAsync(HttpContext http, RateService rates, RateUpload body)
    {
        var table = await rates.ImportAsync(http.User.Actor(), body, http.RequestAborted);
        return TypedResults.Created("/api/v1/rates", table);
    }
}
