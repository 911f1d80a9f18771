using System.Text;
using Cairn.Server.Auth;
using Cairn.Workspace.Statistics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Server.Api;

/// <summary>
/// /api/v1/stats: outcome statistics of the caller's agency (every agency's for auditors and administrators) and the public aggregate
/// report with small cells suppressed, as JSON or CSV (docs/statistics.md). Every read is logged.
/// </summary>
public static class StatsApi
{
    public static IEndpointRouteBuilder MapStatsApi(this IEndpointRouteBuilder app)
    {
        var stats = app.MapGroup("/api/v1/stats").WithTags("Statistics").WithProblems();
        stats.MapGet("/", GetStatsAsync).WithName("GetStatistics")
            .WithSummary("Requests by status, median days to acknowledgement and execution, refusals by ground, amounts frozen to shared, per agency, State, instrument and period");
        stats.MapGet("/csv", GetStatsCsvAsync).WithName("GetStatisticsCsv").WithSummary("The same statistics as CSV, one figure per line");
        stats.MapGet("/public", GetPublicAsync).WithName("GetPublicStatistics")
            .WithSummary("The public aggregate report: no agency, case, name or address; cells of fewer than min_cell cases suppressed, with complementary suppression");
        stats.MapGet("/public/csv", GetPublicCsvAsync).WithName("GetPublicStatisticsCsv").WithSummary("The public aggregate report as CSV");
        return app;
    }

    public static async Task<Ok<StatisticsReport>> GetStatsAsync(HttpContext http, StatisticsService statistics, string? from, string? to, string? by, string? currency, string? agency) =>
        TypedResults.Ok(await statistics.GetAsync(http.User.Actor(), StatisticsQuery.Parse(from, to, by, currency, agency), http.RequestAborted));

    public static async Task<FileContentHttpResult> GetStatsCsvAsync(HttpContext http, StatisticsService statistics, string? from, string? to, string? by, string? currency, string? agency)
    {
        var report = await statistics.GetAsync(http.User.Actor(), StatisticsQuery.Parse(from, to, by, currency, agency), http.RequestAborted);
        return TypedResults.File(Encoding.UTF8.GetBytes(StatisticsCsv.Of(report)), "text/csv; charset=utf-8", "cairn-statistics.csv");
    }

    public static async Task<Ok<PublicStatistics>> GetPublicAsync(HttpContext http, StatisticsService statistics, string? from, string? to, string? by, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "min_cell")] int? minCell) =>
        TypedResults.Ok(await statistics.GetPublicAsync(http.User.Actor(), StatisticsQuery.Parse(from, to, by, null, null), minCell ?? 5, http.RequestAborted));

    public static async Task<FileContentHttpResult> GetPublicCsvAsync(HttpContext http, StatisticsService statistics, string? from, string? to, string? by, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "min_cell")] int? minCell)
    {
        var report = await statistics.GetPublicAsync(http.User.Actor(), StatisticsQuery.Parse(from, to, by, null, null), minCell ?? 5, http.RequestAborted);
        return TypedResults.File(Encoding.UTF8.GetBytes(StatisticsCsv.Of(report)), "text/csv; charset=utf-8", "cairn-public-statistics.csv");
    }
}
