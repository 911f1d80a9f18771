using Cairn.Chains.Bitcoin;
using Cairn.Development.Generation;
using Cairn.Index.Bitcoin;
using Cairn.Tracing.Heuristics;
using Cairn.Tracing.Heuristics.ErrorRates;

namespace Cairn.Development.Validation;

/// <summary>
/// Measures every heuristic on a generated chain against the generator's answer key
/// (<see cref="GenerationTruth"/>), through the production code paths (the index-based detectors
/// and <see cref="Cairn.Tracing.Clustering.AddressClusters"/>). What counts as right:
/// <list type="bullet">
/// <item>CoinJoin rules: the transaction's inputs belong to more than one owner (the kind named is not scored);
/// a rule's misses are the generated CoinJoins of its own kind (Whirlpool mixes, Wasabi-style rounds).</item>
/// <item>Change rules: the output named is paid to the spender itself; a transaction counts as one with
/// change to find when some but not all of its outputs go back to the spender.</item>
/// <item>Clustering: pairs of addresses (each spent from at least once) put in one cluster that have one owner.</item>
/// <item>Peel chains: a chain found is right when every hop's change goes back to that hop's spender;
/// a planted chain (three or more peels) is found when one chain found holds all its hops.</item>
/// </list>
/// </summary>
public sealed partial class GeneratedChainMeasurement
{
    private readonly BitcoinIndex _index;
    private readonly GenerationTruth _truth;
    private readonly string _dataSet;
    private readonly TransactionTruth?[] _byTransaction;
    private readonly int?[] _ownerOfAddress;

    private GeneratedChainMeasurement(BitcoinIndex index, GenerationTruth truth, string dataSet)
    {
        _index = index;
        _truth = truth;
        _dataSet = dataSet;
        _byTransaction = new TransactionTruth?[index.TransactionCount];
        for (uint tx = 0; tx < index.TransactionCount; tx++) _byTransaction[tx] = truth.Of(index.TransactionHash(tx));
        _ownerOfAddress = new int?[index.AddressCount];
        for (uint address = 0; address < index.AddressCount; address++) _ownerOfAddress[address] = truth.EntityOf(index.AddressString(address));
    }

    /// <summary>Every rule of <see cref="GeneratorAssumptions.Rules"/> measured on <paramref name="index"/>, named as data set <paramref name="dataSet"/>.</summary>
    public static IReadOnlyList<RuleMeasurement> Measure(BitcoinIndex index, GenerationTruth truth, string dataSet)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(truth);
        var measurement = new GeneratedChainMeasurement(index, truth, dataSet);
        var results = new List<RuleMeasurement>();
        results.AddRange(measurement.CoinJoins());
        results.AddRange(measurement.Change());
        results.AddRange(measurement.Clustering());
        results.AddRange(measurement.PeelChains());
        return results;
    }

    private RuleMeasurement Result(string rule, string unit, RuleTally tally, bool recallMeasured, string counted) =>
        RuleMeasurement.From(rule, _dataSet, GeneratorAssumptions.EvidenceFor(rule), unit, tally.TruePositives, tally.FalsePositives,
            recallMeasured ? tally.FalseNegatives : null, $"{counted}. Generated chain: {GeneratorAssumptions.AssumptionOf(rule)}.");

    private bool IsCoinbase(uint tx) => _index.TransactionFlags(tx).HasFlag(TxFlags.Coinbase);

    /// <summary>The owner of output <paramref name="output"/>'s address (null: no address, or never paid by the generator).</summary>
    private int? OwnerOfOutput(uint output)
    {
        var address = _index.AddressOf(output);
        return address == uint.MaxValue ? null : _ownerOfAddress[address];
    }
}
