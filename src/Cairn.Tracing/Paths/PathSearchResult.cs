namespace Cairn.Tracing.Paths;

/// <summary>Shortest paths found (all of the minimum length, up to the limit), or none within the bound, and how much was searched.</summary>
public sealed record PathSearchResult(
    string From,
    string To,
    int MaxHops,
    IReadOnlyList<ValuePath> Paths,
    bool MorePathsExist,
    int OutputsVisited,
    bool VisitLimitHit);
