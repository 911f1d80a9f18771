using Cairn.Cases.Traces;
using Cairn.Tracing.Tracing;

namespace Cairn.Workspace.Tracing;

/// <summary>
/// A saved trace at a glance, the same for both chains (what the trace tab loads first): the request,
/// the tip it ran on, the asset and the exact traced amount (<see cref="AmountField"/> names the base unit),
/// counts of endpoints and entities, per-jurisdiction totals with fiat values, the bounds hit, the
/// CoinJoins and peel chains met, the rate tables used, and the endpoints' total value.
/// </summary>
public sealed record TraceSummary
{
    public CaseTrace? Trace { get; init; }
    public required string Chain { get; init; }
    public required TraceParameters Request { get; init; }
    public long? TipHeight { get; init; }
    public string? TipHash { get; init; }
    public required string Asset { get; init; }
    public required int Decimals { get; init; }
    public required string AmountField { get; init; }
    public required string TracedAmount { get; init; }
    public required string TracedAmountDecimal { get; init; }
    public string? FeesAmount { get; init; }
    public required string EndpointTotal { get; init; }
    public required int Endpoints { get; init; }
    public required int Entities { get; init; }
    public required long Examined { get; init; }
    public DateTimeOffset? FirstSeen { get; init; }
    public DateTimeOffset? LastSeen { get; init; }
    public string? ValueUsd { get; init; }
    public string? ValueEur { get; init; }
    public required IReadOnlyList<Jurisdiction> Jurisdictions { get; init; }
    public required IReadOnlyList<Bound> Bounds { get; init; }
    public IReadOnlyList<CoinJoinSeen> Coinjoins { get; init; } = [];
    public IReadOnlyList<PeelChainSeen> PeelChains { get; init; } = [];
    public IReadOnlyList<RateTableView> Fiat { get; init; } = [];

    /// <summary>What reached services in one State: exact amount, its decimal, endpoints, services, value in USD and EUR.</summary>
    public sealed record Jurisdiction(string Code, string Amount, string AmountDecimal, int Endpoints, IReadOnlyList<string> Actors, string? ValueUsd, string? ValueEur);

    /// <summary>A bound the trace hit: which, its setting, and the amount left unexplored there.</summary>
    public sealed record Bound(string Name, string Detail, string Amount);
}
