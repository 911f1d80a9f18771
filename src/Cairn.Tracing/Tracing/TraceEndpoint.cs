using Cairn.Tracing.Attribution;

namespace Cairn.Tracing.Tracing;

/// <summary>
/// Where (part of) the traced value stopped: the output, its address and cluster, who it is
/// attributed to, the exact amount and its share of the seed value, and the paths that carried it
/// (each a chain of <c>txid:vout</c> in the direction money moved).
/// </summary>
public sealed record TraceEndpoint(
    string Output,
    string? Address,
    uint? ClusterId,
    ActorAttribution? Attribution,
    long AmountSat,
    double Share,
    int Hops,
    StopReason Reason,
    IReadOnlyList<IReadOnlyList<string>> Paths,
    bool PathsTruncated)
{
    /// <summary>The endpoint's address is on an imported sanctions list (OFAC): a flag, not an attribution.</summary>
    public bool Sanctioned { get; init; }
}
