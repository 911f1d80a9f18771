using Cairn.Development.Generation;
using Cairn.Tracing.Heuristics;
using Cairn.Tracing.Heuristics.ErrorRates;

namespace Cairn.Development.Validation;

/// <summary>CoinJoin rules on the generated chain.</summary>
public sealed partial class GeneratedChainMeasurement
{
    private static readonly string[] CoinJoinRules = ["whirlpool", "wasabi2", "wasabi1", "joinmarket", "generic_equal_output"];

    private IEnumerable<RuleMeasurement> CoinJoins()
    {
        var tallies = CoinJoinRules.Append(HeuristicCatalogue.CoinJoinAny).ToDictionary(r => r, _ => new RuleTally(), StringComparer.Ordinal);
        for (uint tx = 0; tx < _index.TransactionCount; tx++)
        {
            if (IsCoinbase(tx) || _byTransaction[tx] is not { } truth) continue;
            var verdict = CoinJoinDetector.Detect(_index, tx);
            // The rule whose kind the generator built: Wasabi-style rounds and Whirlpool mixes.
            var family = truth.Kind switch
            {
                GeneratedTransactionKind.CoinJoin => "wasabi1",
                GeneratedTransactionKind.WhirlpoolMix => "whirlpool",
                _ => null,
            };
            foreach (var rule in CoinJoinRules)
                tallies[rule].Count(verdict?.Rule == rule, truth.IsCollaborative, family == rule);
            tallies[HeuristicCatalogue.CoinJoinAny].Count(verdict is not null, truth.IsCollaborative, truth.IsCollaborative);
        }
        const string Counted = "Transactions; right when its inputs have more than one owner";
        foreach (var rule in CoinJoinRules)
            yield return Result(rule, "transactions", tallies[rule], recallMeasured: rule is "wasabi1" or "whirlpool", Counted);
        yield return Result(HeuristicCatalogue.CoinJoinAny, "transactions", tallies[HeuristicCatalogue.CoinJoinAny], recallMeasured: true, Counted);
    }
}
