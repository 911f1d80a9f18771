namespace Cairn.Tracing.Tracing;

/// <summary>A bound that cut the trace short: which, its setting, and how many outputs (and how much value) were left unexplored.</summary>
public sealed record BoundHit(StopReason Bound, string Limit, int UnexploredOutputs, long AmountSat);
