using Cairn.Tracing.Heuristics.ErrorRates;

namespace Cairn.Tracing.Tracing;

/// <summary>
/// A CoinJoin the trace met, with the rule that recognised it, whether the trace went through,
/// and the rule's measured precision on the strongest evidence there is (docs/heuristics.md).
/// </summary>
public sealed record CoinJoinSeen(string TxId, string Rule, double Confidence, string Detail, bool FollowedWithHaircut)
{
    public MeasuredRate? MeasuredPrecision { get; init; }
}
