namespace Cairn.Intel.Taxonomy;

/// <summary>
/// One GraphSense confidence level: how much an attribution can be trusted, from
/// <c>ownership</c> (100: the creator holds the key) down to <c>heuristic</c> (10) and <c>unknown</c> (5).
/// </summary>
public sealed record ConfidenceLevel(string Id, string Label, string Description, int Level);
