namespace Cairn.Tracing.Heuristics;

/// <summary>A heuristic that fired: the rule's name (stable, for reports), its confidence in [0, 1] and a short why.</summary>
public sealed record HeuristicVerdict(string Rule, double Confidence, string Detail);
