using Cairn.Tracing.Clustering;
using Cairn.Tracing.Heuristics;
using Cairn.Tracing.Heuristics.ErrorRates;

namespace Cairn.Development.Validation;

/// <summary>Multi-input and change-based clustering on the generated chain, by pairs of addresses.</summary>
public sealed partial class GeneratedChainMeasurement
{
    private RuleMeasurement[] Clustering()
    {
        var spent = SpentAddresses();
        return
        [
            Pairs(HeuristicCatalogue.MultiInput, AddressClusters.Build(_index), spent),
            Pairs(HeuristicCatalogue.ChangeBasedClustering, AddressClusters.Build(_index, new ClusteringOptions { ChangeBased = true }), spent),
        ];
    }

    /// <summary>Addresses spent from at least once: only those can be joined by either heuristic (unspent ones would only inflate the misses).</summary>
    private bool[] SpentAddresses()
    {
        var spent = new bool[_index.AddressCount];
        var outputAddress = _index.OutputAddressSpan();
        foreach (var output in _index.InputSpentOutputSpan())
            if (outputAddress[(int)output] is var address && address != uint.MaxValue) spent[address] = true;
        return spent;
    }

    private RuleMeasurement Pairs(string rule, AddressClusters clusters, bool[] spent)
    {
        var counting = new PairCounting<uint, int>();
        for (uint address = 0; address < spent.Length; address++)
            if (spent[address] && _ownerOfAddress[address] is { } owner) counting.Add(clusters.ClusterOf(address), owner);
        var tally = new RuleTally { TruePositives = counting.RightPairs, FalsePositives = counting.WrongPairs, FalseNegatives = counting.MissedPairs };
        return Result(rule, "address pairs", tally, recallMeasured: true,
            $"Pairs of the {counting.Addresses:N0} addresses spent from ({counting.Owners:N0} owners, {counting.Clusters:N0} clusters); right when one owner holds both; " +
            $"{counting.MixedClusters:N0} clusters hold more than one owner");
    }
}
