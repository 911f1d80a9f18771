using Cairn.Tracing.Heuristics.ErrorRates;

namespace Cairn.Tracing.Tracing;

/// <summary>
/// A peel chain (<see cref="Heuristics.PeelChainDetector"/>) the trace went through: its
/// transactions in order as far as the trace followed them, <see cref="Length"/> transactions of
/// which <see cref="Peels"/> paid a peel off, the change rule(s) that chose each hop's change
/// (<c>+</c>-joined, distinct, in order of first use), the weakest hop's confidence (a chain is as
/// defensible as its weakest step), and why it ended (<see cref="Heuristics.PeelChain.EndReason"/>,
/// or <c>trace_bound</c> where the trace stopped following it first).
/// </summary>
public sealed record PeelChainSeen(IReadOnlyList<string> TxIds, int Length, int Peels, string Rule, double Confidence, string EndReason)
{
    /// <summary>The measured precision of the peel-chain detector and of each change rule that chose a hop (docs/heuristics.md).</summary>
    public IReadOnlyList<MeasuredRate> MeasuredPrecision { get; init; } = [];
}
