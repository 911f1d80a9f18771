using Cairn.Tracing.Heuristics;
using Cairn.Tracing.Heuristics.ErrorRates;

namespace Cairn.Tracing.Tracing;

/// <summary>Flagging the peel chains the trace went through (reported like the CoinJoins it met).</summary>
internal sealed partial class TraceRun
{
    /// <summary>
    /// Walks the processed transactions in id order (a chain's first transaction has the smallest
    /// id, as each hop spends the one before) and follows a peel chain from each one not already in
    /// a chain found, skipping those the structural test rules out. A chain is kept as far as the
    /// trace processed it, when that part still holds <see cref="PeelChainDetector.MinimumPeels"/> peels.
    /// </summary>
    private List<PeelChainSeen> PeelChainsMet()
    {
        var chains = new List<PeelChainSeen>();
        var inChain = new HashSet<uint>();
        var verdicts = new Dictionary<uint, ChangeVerdict>();
        _processedOrder.Sort();
        foreach (var tx in _processedOrder)
        {
            if (inChain.Contains(tx) || !PeelChainDetector.MayStartPeelChain(_index, tx)) continue;
            // One hop more than a trace can go, so that a chain the trace stopped in shows as cut (trace_bound).
            var ids = new List<uint>();
            var chain = PeelChainDetector.Follow(_index, tx, _request.MaxHops + 1, ids, verdicts);
            if (!chain.IsPeelChain) continue;
            inChain.UnionWith(ids);
            var processed = 0;
            while (processed < ids.Count && IsProcessed(ids[processed])) processed++;
            if (Seen(chain, processed) is { } seen) chains.Add(seen);
        }
        return chains;
    }

    /// <summary>The first <paramref name="processed"/> hops of <paramref name="chain"/>, or null when they hold too few peels.</summary>
    private PeelChainSeen? Seen(PeelChain chain, int processed)
    {
        var steps = chain.Steps.Take(processed).ToList();
        var peels = steps.Where(s => s.PeeledOutput is not null).ToList();
        if (peels.Count < PeelChainDetector.MinimumPeels) return null;
        var rules = peels.SelectMany(s => s.Rule.Split('+')).Distinct(StringComparer.Ordinal);
        var endReason = processed < chain.TxIds.Count ? "trace_bound" : chain.EndReason;
        var rule = string.Join("+", rules);
        return new PeelChainSeen([.. chain.TxIds.Take(processed)], processed, peels.Count, rule, peels.Min(s => s.Confidence), endReason)
        {
            MeasuredPrecision = [.. rule.Split('+').Prepend(HeuristicCatalogue.PeelChain).Select(_figures.HeadlinePrecision).OfType<MeasuredRate>()],
        };
    }
}
