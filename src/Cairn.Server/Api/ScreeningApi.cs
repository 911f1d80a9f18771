using Cairn.Intel.Store;
using Cairn.Workspace.Intel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Server.Api;

/// <summary>Screening against tags and sanctions lists (with cluster hits), and the intelligence behind it: actors and statistics.</summary>
public static class ScreeningApi
{
    public static IEndpointRouteBuilder MapScreeningApi(this IEndpointRouteBuilder app)
    {
        var screen = app.MapGroup("/api/v1/screen").WithTags("Screening").WithProblems();
        screen.MapPost("/", ScreenAsync).WithName("ScreenAddresses").WithSummary("Screen up to 10,000 addresses against tags and sanctions lists, with hits on their clusters");
        screen.MapGet("/{address}", ScreenOneAsync).WithName("ScreenAddress").WithSummary("Screen one address");
        var intel = app.MapGroup("/api/v1/intel").WithTags("Intelligence").WithProblems();
        intel.MapGet("/stats", GetStatsAsync).WithName("GetIntelStats").WithSummary("Counts of tags, actors, sanctioned addresses and packs");
        intel.MapGet("/actors/{id}", GetActorAsync).WithName("GetActor").WithSummary("An actor: categories, jurisdictions, legal name, references");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<ScreeningView>>> ScreenAsync(ScreeningService screening, ScreenRequest body, CancellationToken cancellationToken) =>
        TypedResults.Ok(await screening.ScreenAsync(body, cancellationToken: cancellationToken));

    public static async Task<Ok<ScreeningView>> ScreenOneAsync(ScreeningService screening, string address, string? chain, CancellationToken cancellationToken) =>
        TypedResults.Ok((await screening.ScreenAsync(new ScreenRequest([address], chain), cancellationToken: cancellationToken))[0]);

    public static async Task<Ok<IntelStats>> GetStatsAsync(IntelligenceService intel, CancellationToken cancellationToken) =>
        TypedResults.Ok(await intel.StatsAsync(cancellationToken));

    public static async Task<Ok<ActorView>> GetActorAsync(IntelligenceService intel, string id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await intel.ActorAsync(id, cancellationToken));
}
