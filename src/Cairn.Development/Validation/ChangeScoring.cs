using Cairn.Tracing.Heuristics;

namespace Cairn.Development.Validation;

/// <summary>Tallies each change rule and the combined verdict for one transaction whose outputs' ownership by the spender is known.</summary>
internal sealed class ChangeScoring
{
    public static readonly string[] Rules = [.. GeneratedChainMeasurement.ChangeRules, HeuristicCatalogue.ChangeVerdict];

    public Dictionary<string, RuleTally> Tallies { get; } = Rules.ToDictionary(r => r, _ => new RuleTally(), StringComparer.Ordinal);

    public int Scored { get; private set; }

    /// <summary>Scores <paramref name="verdict"/>; <paramref name="owned"/>[o] says output o goes back to the spender. Self-transfers are not scored.</summary>
    public void Score(ChangeVerdict verdict, bool[] owned)
    {
        if (owned.All(x => x)) return;
        Scored++;
        var hasChange = owned.Any(x => x);
        foreach (var rule in GeneratedChainMeasurement.ChangeRules)
        {
            var evidence = verdict.Evidence.FirstOrDefault(e => e.Verdict.Rule == rule);
            Tallies[rule].Count(evidence is not null, evidence is not null && owned[evidence.Output], hasChange);
        }
        Tallies[HeuristicCatalogue.ChangeVerdict].Count(verdict.ChangeOutput is not null, verdict.ChangeOutput is { } vout && owned[vout], hasChange);
    }
}
