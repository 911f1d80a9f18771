using System.Numerics;

namespace Cairn.Tracing.Ethereum;

/// <summary>
/// A trace: every transfer of <see cref="Asset"/> ("ETH" or a token contract) leaving
/// <see cref="Seed"/> within the window is tainted in full, and taint is followed forward.
/// Time bounds are unix seconds (block timestamps); null means unbounded.
/// </summary>
public sealed record EthTraceRequest(string Seed)
{
    public string Asset { get; init; } = "ETH";
    public EthTaintModel Model { get; init; } = EthTaintModel.Fifo;
    public int MaxHops { get; init; } = 10;
    public BigInteger MinAmount { get; init; } = BigInteger.One;
    public long? FromTime { get; init; }
    public long? ToTime { get; init; }

    /// <summary>Stop after this many transfers have been examined (reported as a bound).</summary>
    public long MaxTransfers { get; init; } = 5_000_000;

    /// <summary>Example paths kept per endpoint.</summary>
    public int MaxPathsPerEndpoint { get; init; } = 3;
}
