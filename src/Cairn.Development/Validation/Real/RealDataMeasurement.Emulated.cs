using Cairn.Chains.Bitcoin;
using Cairn.Tracing.Heuristics;
using Cairn.Tracing.Heuristics.ErrorRates;

namespace Cairn.Development.Validation.Real;

/// <summary>The real mixing software in EmuCoinJoin runs: CoinJoin rules, change rules and multi-input clusters against the known owner of every coin.</summary>
public sealed partial class RealDataMeasurement
{
    private void Emulated(string id, string zipName, string family, string title)
    {
        var runs = EmulatedRun.ReadZip(_sources.Pets26Zip(zipName));
        var coinJoins = CoinJoinRules.Append(HeuristicCatalogue.CoinJoinAny).ToDictionary(r => r, _ => new RuleTally(), StringComparer.Ordinal);
        var change = new ChangeScoring();
        var pairs = new PairCounting<string, string>();
        int transactions = 0, collaborative = 0, unknownInputs = 0;
        foreach (var run in runs)
        {
            foreach (var tx in run.Transactions.Where(t => !t.Shape.IsCoinbase))
            {
                transactions++;
                var owners = tx.Shape.Inputs.Select(i => i.Address is { } address ? run.OwnerOf(address) : null).ToList();
                if (owners.Contains(null))
                {
                    unknownInputs++;
                    continue;
                }
                var isCoinJoin = owners.Distinct(StringComparer.Ordinal).Count() > 1;
                if (isCoinJoin) collaborative++;
                var verdict = ShapeRules.CoinJoin(tx.Shape);
                foreach (var rule in CoinJoinRules) coinJoins[rule].Count(verdict?.Rule == rule, isCoinJoin, isCoinJoin && rule == family);
                coinJoins[HeuristicCatalogue.CoinJoinAny].Count(verdict is not null, isCoinJoin, isCoinJoin);
                if (isCoinJoin || tx.Shape.Outputs.Count < 2) continue;
                var owned = tx.Shape.Outputs.Select(o => o.Address is { } address && run.OwnerOf(address) == owners[0]).ToArray();
                change.Score(ShapeRules.Change(tx.Shape), owned);
            }
            var union = AddressUnion.Of(run.Transactions.Select(t => t.Shape));
            foreach (var address in union.Addresses) pairs.Add($"{run.Name}/{union.ClusterOf(address)}", $"{run.Name}/{run.OwnerOf(address)}");
        }
        var history = runs.All(r => r.FromGenesis) ? "complete (the runs start at the genesis block)" : "incomplete (blocks before the mixing were pruned), so one_time_change cannot fire";
        _dataSets.Add(new MeasuredDataSet
        {
            Id = id,
            Title = title,
            Period = PeriodOf(runs.SelectMany(r => r.Transactions)),
            Transactions = transactions,
            Labels = $"The owner of every coin, from each of the {runs.Sum(r => r.Wallets - 1)} wallets' own key and coin lists; coins no wallet lists belong to the node's "
                + $"Bitcoin Core wallet that funded them. {collaborative} transactions have inputs of two or more owners (CoinJoins). Address history {history}.",
            Sources = [_sources.Pets26Source(zipName)],
        });
        var counted = $"Transactions of {runs.Count} run(s) ({unknownInputs} with an input of unknown owner left out); right when the inputs have two or more owners";
        foreach (var rule in CoinJoinRules)
            Add(RuleMeasurement.From(rule, id, EvidenceKind.IndependentEmulated, "transactions", coinJoins[rule].TruePositives, coinJoins[rule].FalsePositives,
                rule == family ? coinJoins[rule].FalseNegatives : null, counted + (rule == family ? "; a miss is a CoinJoin of this software the rule does not name" : "")));
        var any = coinJoins[HeuristicCatalogue.CoinJoinAny];
        Add(RuleMeasurement.From(HeuristicCatalogue.CoinJoinAny, id, EvidenceKind.IndependentEmulated, "transactions", any.TruePositives, any.FalsePositives, any.FalseNegatives, counted));
        var changeNote = $"{change.Scored} transactions with two or more outputs and one spender (the participants' own and Bitcoin Core's funding transactions); right when the output named goes back to the spender";
        foreach (var rule in ChangeScoring.Rules)
            Add(RuleMeasurement.From(rule, id, EvidenceKind.IndependentEmulated, "transactions", change.Tallies[rule].TruePositives, change.Tallies[rule].FalsePositives, change.Tallies[rule].FalseNegatives, changeNote));
        Add(RuleMeasurement.From(HeuristicCatalogue.MultiInput, id, EvidenceKind.IndependentEmulated, "address pairs", pairs.RightPairs, pairs.WrongPairs, pairs.MissedPairs,
            $"Pairs of the {pairs.Addresses} addresses spent from ({pairs.Owners} owners, {pairs.Clusters} clusters); right when one owner holds both; {pairs.MixedClusters} clusters hold more than one owner"));
        _log.WriteLine($"{id}: {runs.Count} runs, {transactions} transactions, {collaborative} CoinJoins, {change.Scored} change-scored");
    }
}
