namespace Cairn.Tracing.Heuristics;

/// <summary>
/// A followed peel chain: the transactions in order, each hop's peel and change, and why it ended
/// (<c>unspent</c>, <c>swept</c> (a last one-output transaction), <c>merged</c> (spent with other
/// inputs), <c>fan_out</c> (spent into more than two outputs, or the start has more), <c>max_hops</c>).
/// </summary>
public sealed record PeelChain(IReadOnlyList<string> TxIds, IReadOnlyList<PeelStep> Steps, string EndReason)
{
    /// <summary>Three or more peels in a row: the pattern of Meiklejohn et al. (2013) §5.</summary>
    public bool IsPeelChain => Steps.Count(s => s.PeeledOutput is not null) >= PeelChainDetector.MinimumPeels;
}
