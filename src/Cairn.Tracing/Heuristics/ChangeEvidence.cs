namespace Cairn.Tracing.Heuristics;

/// <summary>One change rule that fired: which output (vout) it points at as change, and the rule with its confidence.</summary>
public sealed record ChangeEvidence(int Output, HeuristicVerdict Verdict);
