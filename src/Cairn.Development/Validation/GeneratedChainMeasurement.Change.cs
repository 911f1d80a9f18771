using Cairn.Tracing.Heuristics;
using Cairn.Tracing.Heuristics.ErrorRates;

namespace Cairn.Development.Validation;

/// <summary>Change rules (each, and the combined verdict) on the generated chain.</summary>
public sealed partial class GeneratedChainMeasurement
{
    internal static readonly string[] ChangeRules = ["address_reuse", "one_time_change", "optimal_change", "power_of_ten_payment", "locktime_fingerprint"];

    private IEnumerable<RuleMeasurement> Change()
    {
        var scoring = new ChangeScoring();
        for (uint tx = 0; tx < _index.TransactionCount; tx++)
        {
            if (IsCoinbase(tx) || _byTransaction[tx] is not { } truth || truth.IsCollaborative) continue;
            var (first, end) = _index.OutputsOf(tx);
            if (end - first < 2) continue;
            var owned = new bool[end - first];
            for (var o = 0; o < owned.Length; o++) owned[o] = OwnerOfOutput(first + (uint)o) == truth.Sender;
            scoring.Score(ChangeDetector.Detect(_index, tx), owned);
        }
        var counted = $"{scoring.Scored:N0} transactions with two or more outputs, one spender, not every output back to it; right when the output named is paid to the spender itself";
        foreach (var rule in ChangeScoring.Rules)
            yield return Result(rule, "transactions", scoring.Tallies[rule], recallMeasured: true, counted);
    }
}
