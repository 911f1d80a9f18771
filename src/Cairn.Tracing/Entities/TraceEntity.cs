using System.Numerics;

namespace Cairn.Tracing.Entities;

/// <summary>
/// A service, cluster or address the traced value reached or crossed. <see cref="Amount"/> is the
/// exact sum of the trace's endpoints inside it (so the entities' amounts add up to the endpoints'
/// total); <see cref="Received"/> is what its addresses received on the listed paths (also as hops).
/// <see cref="AmountByDay"/> splits <see cref="Amount"/> by the UTC day the value arrived, to value it
/// at that day's rate. Times are block times.
/// </summary>
public sealed record TraceEntity
{
    public required string EntityId { get; init; }
    public required EntityKind Kind { get; init; }
    public required string Label { get; init; }
    public string? Actor { get; init; }
    public string? Category { get; init; }
    public IReadOnlyList<string> Jurisdictions { get; init; } = [];
    public double? Confidence { get; init; }
    public string? AttributionSource { get; init; }
    public uint? ClusterId { get; init; }
    public long? ClusterSize { get; init; }
    public bool Sanctioned { get; init; }
    public bool Seed { get; init; }
    public required BigInteger Amount { get; init; }
    public required BigInteger Received { get; init; }
    public required int Endpoints { get; init; }
    public required int Addresses { get; init; }
    public int HopTransactions { get; init; }
    public DateTimeOffset? FirstSeen { get; init; }
    public DateTimeOffset? LastSeen { get; init; }
    public IReadOnlyDictionary<DateOnly, BigInteger> AmountByDay { get; init; } = new Dictionary<DateOnly, BigInteger>();
}
