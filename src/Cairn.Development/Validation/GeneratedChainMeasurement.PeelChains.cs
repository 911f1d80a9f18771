using Cairn.Chains.Bitcoin;
using Cairn.Tracing.Heuristics;
using Cairn.Tracing.Heuristics.ErrorRates;

namespace Cairn.Development.Validation;

/// <summary>The peel-chain detector on the generated chain, as a trace runs it but over every transaction.</summary>
public sealed partial class GeneratedChainMeasurement
{
    private IEnumerable<RuleMeasurement> PeelChains()
    {
        var chain = new RuleTally();
        var fallback = new RuleTally();
        var found = new List<HashSet<uint>>();
        var inChain = new HashSet<uint>();
        // As TraceRun.PeelChainsMet: in id order, a chain's first transaction comes first.
        for (uint tx = 0; tx < _index.TransactionCount; tx++)
        {
            if (IsCoinbase(tx) || inChain.Contains(tx) || !PeelChainDetector.MayStartPeelChain(_index, tx)) continue;
            var followed = PeelChainDetector.Follow(_index, tx);
            if (!followed.IsPeelChain) continue;
            var ids = followed.TxIds.Select(Id).ToHashSet();
            inChain.UnionWith(ids);
            found.Add(ids);
            var right = true;
            foreach (var step in followed.Steps.Where(s => s.PeeledOutput is not null))
            {
                var stepRight = ChangeIsSenders(step);
                right &= stepRight;
                if (step.Rule == HeuristicCatalogue.PeelLargerOutput) fallback.Count(true, stepRight, false);
            }
            chain.Count(true, right, false);
        }
        var planted = _truth.PeelChains.Where(p => p.Count(h => TwoOutputs(Id(h))) >= PeelChainDetector.MinimumPeels).ToList();
        chain.FalseNegatives = planted.Count(p => !found.Any(f => p.All(h => f.Contains(Id(h)))));
        yield return Result(HeuristicCatalogue.PeelChain, "chains", chain, recallMeasured: true,
            $"Chains found over every transaction (as a trace flags them); right when every hop's change goes back to that hop's spender; " +
            $"recall over the {planted.Count:N0} planted chains of three or more peels, found when one chain holds all their hops");
        yield return Result(HeuristicCatalogue.PeelLargerOutput, "hops", fallback, recallMeasured: false,
            "Hops of the chains found where no change rule named the change and the larger output was taken; right when it goes back to the spender");
    }

    private bool ChangeIsSenders(PeelStep step)
    {
        var (txid, vout) = SplitOutput(step.ChangeOutput);
        var tx = Id(txid);
        var (first, _) = _index.OutputsOf(tx);
        return _byTransaction[tx] is { } truth && OwnerOfOutput(first + vout) == truth.Sender;
    }

    private bool TwoOutputs(uint tx)
    {
        var (first, end) = _index.OutputsOf(tx);
        return end - first == 2;
    }

    private uint Id(string txid) => Id(Hash256.Parse(txid));

    private uint Id(Hash256 txid) => _index.TryFindTransaction(txid, out var id) ? id : throw new InvalidOperationException($"{txid} not in the index");

    private static (string TxId, uint Vout) SplitOutput(string reference)
    {
        var colon = reference.LastIndexOf(':');
        return (reference[..colon], uint.Parse(reference[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
