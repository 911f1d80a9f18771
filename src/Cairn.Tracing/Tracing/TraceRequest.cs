using Cairn.Tracing.Taint;

namespace Cairn.Tracing.Tracing;

/// <summary>
/// Everything a trace depends on besides the chain: re-running the same request on the same
/// chain tip gives the same result (a saved trace stores this and the tip).
/// </summary>
public sealed record TraceRequest
{
    /// <summary>Where the trace starts: addresses, <c>txid:vout</c> or <c>txid</c> (all its outputs).</summary>
    public required IReadOnlyList<string> From { get; init; }

    public TraceDirection Direction { get; init; } = TraceDirection.Forward;

    public TaintModel Model { get; init; } = TaintModel.Haircut;

    public int MaxHops { get; init; } = 10;

    /// <summary>Outputs carrying less taint than this (satoshi) are endpoints (<c>below_min</c>).</summary>
    public long MinAmountSat { get; init; }

    /// <summary>Forward: spends after this time are not followed. Backward: funding before it is not followed.</summary>
    public DateTimeOffset? TimeLimit { get; init; }

    /// <summary>Follow through CoinJoins using haircut for them (default: stop there).</summary>
    public bool ThroughCoinJoin { get; init; }

    /// <summary>Unattributed clusters with more addresses than this stop the trace (<c>unattributed_large_cluster</c>).</summary>
    public long LargeClusterSize { get; init; } = 10_000;

    /// <summary>Bound on transactions visited, so that no trace runs unbounded.</summary>
    public int MaxTransactions { get; init; } = 1_000_000;

    /// <summary>Paths listed per endpoint (the rest are counted as truncated).</summary>
    public int MaxPathsPerEndpoint { get; init; } = 3;

    /// <summary>Actor categories at which a trace stops: where a legal request can be sent (GraphSense taxonomy names).</summary>
    public IReadOnlySet<string> StopCategories { get; init; } = DefaultStopCategories;

    public static readonly IReadOnlySet<string> DefaultStopCategories = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "exchange", "mixing_service", "defi_bridge", "bridge", "payment_processor", "gambling", "market",
        "hosted_wallet", "custodial_wallet", "atm", "otc_broker", "mining_service", "defi",
    };
}
