namespace Cairn.Tracing.Heuristics.ErrorRates;

/// <summary>
/// A heuristic a trace relied on: the rule, what it decided in this trace (<see cref="UsedFor"/>,
/// in words), how many times, and every measurement of the rule (strongest evidence first), so
/// the analyst can state its error rate and where it was measured.
/// </summary>
public sealed record HeuristicStep(string Rule, HeuristicKind Kind, string UsedFor, int Times, IReadOnlyList<MeasuredRate> Measured);
