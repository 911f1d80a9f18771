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
    /// Chains are followed as ids (<see cref="PeelChainDetector.FollowHops"/>): only the transactions a
    /// kept chain reports are formatted, and the change rules read addresses through the trace's
    /// <see cref="AddressText"/>, which endpoints share.
    /// </summary>
    private List<PeelChainSeen> PeelChainsMet()
    {
        var chains = new List<PeelChainSeen>();
        var inChain = new HashSet<uint>();
        var verdicts = new Dictionary<uint, ChangeVerdict>();
        var ids = new List<uint>();
        var hops = new List<PeelHop>();
        _processedOrder.Sort();
        foreach (var tx in _processedOrder)
        {
            if (inChain.Contains(tx) || !PeelChainDetector.MayStartPeelChain(_index, tx)) continue;
            // One hop more than a trace can go, so that a chain the trace stopped in shows as cut (trace_bound).
            var endReason = PeelChainDetector.FollowHops(_index, tx, _request.MaxHops + 1, ids, hops, verdicts, _addressText);
            if (Peels(hops, hops.Count) < PeelChainDetector.MinimumPeels) continue;
            inChain.UnionWith(ids);
            var processed = 0;
            while (processed < ids.Count && IsProcessed(ids[processed])) processed++;
            if (Seen(ids, hops, endReason, processed) is { } seen) chains.Add(seen);
        }
        return chains;
    }

    private static int Peels(List<PeelHop> hops, int count)
    {
        var peels = 0;
        for (var i = 0; i < count; i++) if (hops[i].Peeled is not null) peels++;
        return peels;
    }

    /// <summary>The first <paramref name="processed"/> hops of the chain, or null when they hold too few peels.</summary>
    private PeelChainSeen? Seen(List<uint> ids, List<PeelHop> hops, string endReason, int processed)
    {
        var steps = Math.Min(processed, hops.Count);
        if (Peels(hops, steps) < PeelChainDetector.MinimumPeels) return null;
        var rules = new List<string>();
        var confidence = double.MaxValue;
        for (var i = 0; i < steps; i++)
        {
            if (hops[i].Peeled is null) continue;
            confidence = Math.Min(confidence, hops[i].Confidence);
            foreach (var rule in hops[i].Rule.Split('+'))
                if (!rules.Contains(rule, StringComparer.Ordinal)) rules.Add(rule);
        }
        var txIds = new string[processed];
        for (var i = 0; i < processed; i++) txIds[i] = _index.TransactionHash(ids[i]).ToString();
        var joined = string.Join("+", rules);
        return new PeelChainSeen(txIds, processed, Peels(hops, steps), joined, confidence, processed < ids.Count ? "trace_bound" : endReason)
        {
            MeasuredPrecision = [.. joined.Split('+').Prepend(HeuristicCatalogue.PeelChain).Select(HeadlinePrecision).OfType<MeasuredRate>()],
        };
    }
}
