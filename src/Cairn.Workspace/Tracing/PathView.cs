namespace Cairn.Workspace.Tracing;

/// <summary>Shortest value-carrying paths: found or not, the hops of the shortest, each path's outputs, whether more exist, and how much was searched.</summary>
public sealed record PathView(string From, string To, int MaxHops, bool Found, int? Hops, IReadOnlyList<IReadOnlyList<string>> Paths, bool MorePathsExist, long OutputsVisited, bool VisitLimitHit);
