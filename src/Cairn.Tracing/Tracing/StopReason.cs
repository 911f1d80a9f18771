namespace Cairn.Tracing.Tracing;

/// <summary>Why a trace stopped at an endpoint (JSON: snake_case names).</summary>
public enum StopReason
{
    /// <summary>The address (or its cluster) belongs to a service in a stopping category: ask that service.</summary>
    Attributed,

    /// <summary>Forward: the output is not spent yet, the funds sit there.</summary>
    Unspent,

    /// <summary>The hop bound was reached; the output was not followed further.</summary>
    MaxHops,

    /// <summary>The tainted amount fell below the minimum; not followed.</summary>
    BelowMin,

    /// <summary>The next transaction is a CoinJoin and the trace was not told to go through.</summary>
    Coinjoin,

    /// <summary>The next transaction lies outside the time window.</summary>
    TimeWindow,

    /// <summary>The address belongs to a very large cluster no one has attributed (a likely service).</summary>
    UnattributedLargeCluster,

    /// <summary>Backward: the funds were newly mined here.</summary>
    Coinbase,

    /// <summary>The bound on transactions visited was reached; this output was still waiting.</summary>
    WorkLimit,

    /// <summary>
    /// Litecoin: the next transaction is the block's HogEx, which moves coins into MWEB (LIP-0002):
    /// inside MWEB amounts and owners are confidential, and following the HogEx would mix every coin
    /// in MWEB, so the trace stops where the funds entered it.
    /// </summary>
    Mweb,
}
