using Cairn.Tracing.Heuristics;
using Cairn.Tracing.Heuristics.ErrorRates;

namespace Cairn.Development.Validation.Real;

/// <summary>CoinJoin rules on mainnet: the coordinator's list (independent), then Dumplings' labels (a peer).</summary>
public sealed partial class RealDataMeasurement
{
    private static readonly string[] CoinJoinRules = ["whirlpool", "wasabi2", "wasabi1", "joinmarket", "generic_equal_output"];

    private void CoinJoinsAgainstCoordinatorList(Dictionary<string, (ObservedTransaction Tx, DumplingsLabel Label)> dumplings)
    {
        var listed = File.ReadLines(_sources.WasabiCoordinatorList).Skip(1).Select(l => l.Split(',')[0].Trim()).ToHashSet(StringComparer.Ordinal);
        var wasabi1 = dumplings.Values.Where(v => v.Label == DumplingsLabel.Wasabi1).Select(v => v.Tx).ToList();
        var positives = wasabi1.Where(t => listed.Contains(t.TxId)).ToList();
        var rule = new RuleTally();
        var any = new RuleTally();
        foreach (var tx in positives)
        {
            var verdict = ShapeRules.CoinJoin(tx.Shape);
            rule.Count(verdict?.Rule == "wasabi1", true, true);
            any.Count(verdict is not null, true, true);
        }
        const string Id = "wasabi1-coordinator";
        _dataSets.Add(new MeasuredDataSet
        {
            Id = Id,
            Title = "Wasabi 1 CoinJoins on the zkSNACKs coordinator's own list (mainnet)",
            Period = PeriodOf(positives),
            Transactions = positives.Count,
            Labels = $"The coordinator's list of the rounds it ran (CoinJoinsMain_20211221.csv, {listed.Count:N0} transaction ids, published with Stütz et al. 2022), "
                + $"matched to full transactions in the Dumplings extracts ({positives.Count:N0} of their {wasabi1.Count:N0} Wasabi 1 transactions are on it). Positives only: no precision.",
            Sources = [_sources.WasabiListSource(), _sources.Pets26Source("dumplings__ww1_202405"), _sources.Pets26Source("dumplings__end_zksnacks_202405")],
        });
        const string Note = "Transactions the Wasabi 1 coordinator itself lists as its CoinJoins; a miss is one the rule does not name";
        Add(RuleMeasurement.From("wasabi1", Id, EvidenceKind.IndependentReal, "transactions", rule.TruePositives, null, rule.FalseNegatives, Note));
        Add(RuleMeasurement.From(HeuristicCatalogue.CoinJoinAny, Id, EvidenceKind.IndependentReal, "transactions", any.TruePositives, null, any.FalseNegatives, Note + " (any CoinJoin rule counts)"));
    }

    private void CoinJoinsAgainstDumplings(Dictionary<string, (ObservedTransaction Tx, DumplingsLabel Label)> dumplings)
    {
        var tallies = CoinJoinRules.Append(HeuristicCatalogue.CoinJoinAny).ToDictionary(r => r, _ => new RuleTally(), StringComparer.Ordinal);
        // A spend of a mixed coin is listed as "post-mix" when it is not a CoinJoin of that coordinator's
        // kind; it may be another kind's CoinJoin (a Whirlpool mix of a Wasabi output), which the
        // one-coordinator extracts do not scan. Those files are no negatives.
        foreach (var (tx, label) in dumplings.Values.Where(v => v.Label != DumplingsLabel.PostMix))
        {
            var family = label switch
            {
                DumplingsLabel.Wasabi1 => "wasabi1",
                DumplingsLabel.Wasabi2 => "wasabi2",
                DumplingsLabel.Whirlpool => "whirlpool",
                DumplingsLabel.OtherEqualOutput => "joinmarket",
                _ => null,
            };
            var isCoinJoin = family is not null;
            var verdict = ShapeRules.CoinJoin(tx.Shape);
            foreach (var rule in CoinJoinRules) tallies[rule].Count(verdict?.Rule == rule, isCoinJoin, family == rule);
            tallies[HeuristicCatalogue.CoinJoinAny].Count(verdict is not null, isCoinJoin, isCoinJoin);
        }
        const string Id = "dumplings-mainnet";
        var counts = dumplings.Values.GroupBy(v => v.Label).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count():N0}, {PeriodOf(g.Select(v => v.Tx))}");
        _dataSets.Add(new MeasuredDataSet
        {
            Id = Id,
            Title = "Mainnet CoinJoins and their neighbours as Dumplings labels them (one-week to one-month extracts: Wasabi 1 in 2018 and 2021, Wasabi 2 on 2024-05-31, Whirlpool in 2024-03, equal-output in 2024-06)",
            Period = PeriodOf(dumplings.Values.Where(v => v.Label != DumplingsLabel.PostMix).Select(v => v.Tx)),
            Transactions = dumplings.Values.Count(v => v.Label != DumplingsLabel.PostMix),
            Labels = "Dumplings' scanner (structural rules close to Cairn's own, so this is agreement with a peer, not accuracy): CoinJoins of each kind as positives; "
                + "Whirlpool Tx0s and the equal-output transactions CRoCS' filter rejected as negatives. Tx0s of a Whirlpool mix's shape (Dumplings' own Samourai rule) are earlier "
                + "mixes the extract's mixes remix and count as mixes. Spends of mixed coins are left out: they may be another kind's CoinJoin (" + string.Join("; ", counts) + ")",
            Sources = [.. DumplingsSources()],
        });
        const string Note = "Transactions; right when Dumplings lists it as a CoinJoin of any kind; a miss is a CoinJoin of the rule's own kind it does not name";
        foreach (var rule in CoinJoinRules)
            Add(RuleMeasurement.From(rule, Id, EvidenceKind.PeerAgreement, "transactions", tallies[rule].TruePositives, tallies[rule].FalsePositives,
                rule == "generic_equal_output" ? null : tallies[rule].FalseNegatives, Note));
        var all = tallies[HeuristicCatalogue.CoinJoinAny];
        Add(RuleMeasurement.From(HeuristicCatalogue.CoinJoinAny, Id, EvidenceKind.PeerAgreement, "transactions", all.TruePositives, all.FalsePositives, all.FalseNegatives,
            "Transactions; right when Dumplings lists it as a CoinJoin; a miss is any listed CoinJoin no rule names"));
    }
}
