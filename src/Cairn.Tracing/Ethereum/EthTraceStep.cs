namespace Cairn.Tracing.Ethereum;

/// <summary>One hop of a path: the transfer's transaction, the address it reached, the tainted amount it carried and its block time (unix seconds).</summary>
public sealed record EthTraceStep(string TransactionHash, string To, string Amount)
{
    public long Timestamp { get; init; }
}
