namespace Cairn.Tracing.Entities;

/// <summary>A heuristic that fired on a transaction or a grouping of this entity: the rule, its confidence (null where the rule has none) and what it said.</summary>
public sealed record EntityHeuristic(string EntityId, string Rule, double? Confidence, string? TxId, string Detail);
