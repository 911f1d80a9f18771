using System.Numerics;

namespace Cairn.Tracing.Watching;

/// <summary>A watch as the evaluator needs it: its id, what it matches (address, cluster, actor, followed address), the value, a threshold, and how many hops from the original watch it is.</summary>
public sealed record WatchTarget(string Id, string Kind, string Value, BigInteger? Threshold, string? Origin, int Hops);
