using Cairn.Workspace.Heuristics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Server.Api;

/// <summary>The heuristics' measured error rates (no case data): every rule's figures, or one rule's, as <c>cairn heuristics report --json</c>.</summary>
public static class HeuristicsApi
{
    public static IEndpointRouteBuilder MapHeuristicsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/heuristics", GetHeuristicsReport).WithTags("Heuristics").WithProblems()
            .WithName("GetHeuristicsReport")
            .WithSummary("Measured precision and recall of every heuristic (or of one rule), with the data sets and the command that measured them");
        return app;
    }

    public static Ok<HeuristicsReport> GetHeuristicsReport(HeuristicsService heuristics, string? rule) => TypedResults.Ok(heuristics.Report(rule));
}
