namespace Cairn.Tracing.Heuristics;

/// <summary>A heuristic rule as reports name it: its stable id, what it decides, what it says in words, and where it comes from.</summary>
public sealed record HeuristicRule(string Id, HeuristicKind Kind, string Title, string Source);
