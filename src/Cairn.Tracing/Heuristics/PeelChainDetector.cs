using Cairn.Index.Bitcoin;

namespace Cairn.Tracing.Heuristics;

/// <summary>
/// Follows a peel chain (Meiklejohn et al. 2013 §5, "A Fistful of Bitcoins"): a large coin is
/// spent by a one-input transaction that pays a small amount ("peel") and returns the rest as
/// change, which the next one-input transaction spends the same way. At each two-output hop the
/// change is the output <see cref="ChangeDetector"/> names; when it names none, the larger
/// output (rule <c>peel_larger_output</c>, confidence 0.3: what remains is usually the bigger part).
/// The chain goes on while the change is spent by a transaction with exactly one input and one or
/// two outputs; a one-output spend ends it as <c>swept</c>.
/// </summary>
public static class PeelChainDetector
{
    public const int MinimumPeels = 3;

    public static PeelChain Follow(BitcoinIndex index, uint startTx, int maxHops = 10_000) => Follow(index, startTx, maxHops, ids: null, verdicts: null);

    /// <summary>
    /// As <see cref="Follow(BitcoinIndex, uint, int)"/>, also listing the chain's transaction ids in <paramref name="ids"/>
    /// (when given) so that callers need not look the txids up again, and remembering each hop's change verdict in
    /// <paramref name="verdicts"/> (when given): a trace follows from many transactions of the same chains.
    /// </summary>
    internal static PeelChain Follow(BitcoinIndex index, uint startTx, int maxHops, List<uint>? ids, Dictionary<uint, ChangeVerdict>? verdicts)
    {
        ArgumentNullException.ThrowIfNull(index);
        var hops = new List<PeelHop>();
        var transactions = ids ?? [];
        var endReason = FollowHops(index, startTx, maxHops, transactions, hops, verdicts, addressText: null);
        var txIds = new List<string>(transactions.Count);
        foreach (var tx in transactions) txIds.Add(index.TransactionHash(tx).ToString());
        var steps = new List<PeelStep>(hops.Count);
        for (var i = 0; i < hops.Count; i++)
        {
            var hop = hops[i];
            steps.Add(new PeelStep(txIds[i], hop.Peeled is { } peeled ? Reference(index, peeled) : null, hop.Peeled is { } p ? index.Value(p) : 0,
                Reference(index, hop.Change), index.Value(hop.Change), hop.Rule, hop.Confidence));
        }
        return new PeelChain(txIds, steps, endReason);
    }

    /// <summary>
    /// The walk of <see cref="Follow(BitcoinIndex, uint, int)"/> without formatting anything: the chain's
    /// transactions into <paramref name="ids"/> and a hop per step into <paramref name="hops"/> (hop i is
    /// transaction i); returns the end reason. <paramref name="addressText"/> formats addresses for the change
    /// rules (null: <see cref="BitcoinIndex.AddressString"/>), so that a caller may remember them.
    /// </summary>
    internal static string FollowHops(BitcoinIndex index, uint startTx, int maxHops, List<uint> ids, List<PeelHop> hops,
        Dictionary<uint, ChangeVerdict>? verdicts, Func<uint, string?>? addressText)
    {
        ids.Clear();
        hops.Clear();
        var tx = startTx;
        while (true)
        {
            ids.Add(tx);
            var (first, end) = index.OutputsOf(tx);
            var outputs = end - first;
            if (outputs == 1)
            {
                hops.Add(new PeelHop(null, first, "single_output", 1.0));
                if (ids.Count > 1) return "swept";
            }
            else if (outputs != 2) return "fan_out";
            uint change;
            if (outputs == 1) change = first;
            else
            {
                ChangeVerdict? verdict = null;
                if (verdicts?.TryGetValue(tx, out verdict) != true)
                {
                    verdict = ChangeDetector.Detect(index, tx, addressText);
                    verdicts?.Add(tx, verdict);
                }
                string rule;
                double confidence;
                if (verdict!.ChangeOutput is { } vout)
                {
                    change = first + (uint)vout;
                    rule = string.Join("+", verdict.Evidence.Where(e => e.Output == vout).Select(e => e.Verdict.Rule));
                    confidence = verdict.Confidence;
                }
                else
                {
                    change = index.Value(first) >= index.Value(first + 1) ? first : first + 1;
                    (rule, confidence) = ("peel_larger_output", 0.3);
                }
                hops.Add(new PeelHop(change == first ? first + 1 : first, change, rule, confidence));
            }
            if (hops.Count >= maxHops) return "max_hops";
            if (index.SpenderOf(change) is not { } spender) return "unspent";
            var (firstInput, endInput) = index.InputsOf(spender);
            if (endInput - firstInput != 1) return "merged";
            var (firstNext, endNext) = index.OutputsOf(spender);
            if (endNext - firstNext > 2) return "fan_out";
            tx = spender;
        }
    }

    /// <summary>
    /// A cheap structural test that can only reject: false means <see cref="Follow"/> from
    /// <paramref name="startTx"/> cannot give <see cref="MinimumPeels"/> peels, because no path of
    /// spends through one-input, one- or two-output transactions holds that many two-output ones.
    /// Reads only the transaction and spender columns (no change rules, no allocation).
    /// </summary>
    public static bool MayStartPeelChain(BitcoinIndex index, uint startTx)
    {
        ArgumentNullException.ThrowIfNull(index);
        return MostPeels(index, startTx, isStart: true, MinimumPeels) >= MinimumPeels;
    }

    /// <summary>Most two-output hops along any spend path from <paramref name="tx"/> that <see cref="Follow"/> could take, capped at <paramref name="needed"/>.</summary>
    private static int MostPeels(BitcoinIndex index, uint tx, bool isStart, int needed)
    {
        var (first, end) = index.OutputsOf(tx);
        var outputs = end - first;
        if (outputs is 0 or > 2 || (outputs == 1 && !isStart)) return 0;
        var here = outputs == 2 ? 1 : 0;
        if (here >= needed) return here;
        var best = 0;
        for (var output = first; output < end && best < needed - here; output++)
        {
            if (index.SpenderOf(output) is not { } spender) continue;
            var (firstInput, endInput) = index.InputsOf(spender);
            if (endInput - firstInput != 1) continue;
            best = Math.Max(best, MostPeels(index, spender, isStart: false, needed - here));
        }
        return here + best;
    }

    private static string Reference(BitcoinIndex index, uint output) =>
        $"{index.TransactionHash(index.TransactionOfOutput(output))}:{index.VoutOf(output)}";
}
