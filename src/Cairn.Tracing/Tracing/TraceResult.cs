using Cairn.Tracing.Heuristics.ErrorRates;

namespace Cairn.Tracing.Tracing;

/// <summary>
/// The outcome of a trace. Conservation: for every model but poison,
/// sum(endpoint amounts) + <see cref="FeesSat"/> = <see cref="SeedAmountSat"/> exactly. Poison
/// counts clean value it absorbs: sum(endpoints) + fees = seed + <see cref="PoisonInflowSat"/>.
/// </summary>
public sealed record TraceResult
{
    public required TraceRequest Request { get; init; }
    public required long TipHeight { get; init; }
    public required string TipHash { get; init; }
    public required IReadOnlyList<string> SeedOutputs { get; init; }
    public required long SeedAmountSat { get; init; }
    public required long FeesSat { get; init; }
    public required long PoisonInflowSat { get; init; }
    public required int TransactionsVisited { get; init; }
    public required IReadOnlyList<TraceEndpoint> Endpoints { get; init; }
    public required IReadOnlyList<JurisdictionTotal> Jurisdictions { get; init; }
    public required IReadOnlyList<BoundHit> Bounds { get; init; }
    public required IReadOnlyList<CoinJoinSeen> CoinJoins { get; init; }

    /// <summary>Peel chains the trace went through, in order of their first transaction (empty when none).</summary>
    public IReadOnlyList<PeelChainSeen> PeelChains { get; init; } = [];

    /// <summary>Every heuristic the trace relied on, what for, how often, and its measured error rates.</summary>
    public IReadOnlyList<HeuristicStep> Heuristics { get; init; } = [];

    /// <summary>Sum of endpoint amounts (for a trace's own endpoints, known without formatting any of them).</summary>
    public long EndpointTotalSat => Endpoints is TraceEndpointList list ? list.TotalSat : Endpoints.Sum(e => e.AmountSat);
}
