using System.Numerics;
using Cairn.Tracing.Attribution;

namespace Cairn.Tracing.Watching;

/// <summary>What a transaction did to a watch: the rule (funds_left, reached_service, reached_sanctioned, threshold), the watch it counts for (the original one for followed addresses), from, to, amount, the service reached and why.</summary>
public sealed record WatchHit(string WatchId, string Kind, ObservedTransaction Transaction, string From, string? To, BigInteger Amount, ActorAttribution? Service, string Detail);
