using Cairn.Chains.Bitcoin;
using Cairn.Intel.Import;
using Cairn.Intel.Tags;
using Cairn.Tracing.Heuristics;
using Cairn.Tracing.Heuristics.ErrorRates;

namespace Cairn.Development.Validation.Real;

/// <summary>Mainnet transactions at hand: change rules against address-reuse evidence, multi-input clusters against GraphSense tags.</summary>
public sealed partial class RealDataMeasurement
{
    private const string RustBitcoin = "https://github.com/rust-bitcoin/rust-bitcoin";
    private const string RustBitcoinCommit = "42226547fab3a81cd138d4c7070b441c02ce06a6";
    private const string NBitcoin = "https://github.com/MetacoSA/NBitcoin";
    private const string NBitcoinCommit = "9d248304e868f916befdb4f05ac78e9a7e846e91";
    private const string TagPacks = "https://github.com/graphsense/graphsense-tagpacks";
    private const string TagPacksCommit = "29ff93c8ab0db37370453a290b7becba429b73f8";

    private static readonly string[] Block2021 = ["rust-bitcoin", "bitcoin", "tests", "data", "mainnet_block_000000000000000000000c835b2adcaedc20fdf6ee440009c249452c726dafae.raw"];
    private static readonly string[] Block2010 = ["rust-bitcoin", "p2p", "tests", "data", "block_13b8a.hex"];
    private static readonly string[] Block2012 = ["nbitcoin", "block169482.txt"];
    private static readonly string[] Block2014 = ["nbitcoin", "blocks", "Block1.json"];

    private List<DataSource> _blockSources = [];

    /// <summary>The four real blocks of ../shared/data (2010, 2012, 2014, 2021) and every Dumplings transaction, once each.</summary>
    private List<ObservedTransaction> MainnetTransactions(Dictionary<string, (ObservedTransaction Tx, DumplingsLabel Label)> dumplings)
    {
        var network = Network.Main;
        var blocks = new List<ObservedTransaction>();
        blocks.AddRange(LoneBlockShapes.Of(Block.Parse(File.ReadAllBytes(_sources.Shared(Block2021))), network));
        blocks.AddRange(LoneBlockShapes.Of(Block.Parse(Convert.FromHexString(File.ReadAllText(_sources.Shared(Block2010)).Trim())), network));
        blocks.AddRange(LoneBlockShapes.Of(Block.Parse(Convert.FromHexString(File.ReadAllText(_sources.Shared(Block2012)).Trim())), network));
        blocks.AddRange(BlockchainInfoBlock.Read(_sources.Shared(Block2014)));
        _blockSources =
        [
            _sources.SharedSource(RustBitcoin, RustBitcoinCommit, string.Join('/', Block2021[1..]), "CC0-1.0", Block2021),
            _sources.SharedSource(RustBitcoin, RustBitcoinCommit, string.Join('/', Block2010[1..]), "CC0-1.0", Block2010),
            _sources.SharedSource(NBitcoin, NBitcoinCommit, "NBitcoin.Tests/data/block169482.txt", "MIT", Block2012),
            _sources.SharedSource(NBitcoin, NBitcoinCommit, "NBitcoin.Tests/data/blocks/Block1.json", "MIT", Block2014),
        ];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. blocks.Concat(dumplings.Values.Select(v => v.Tx)).Where(t => seen.Add(t.TxId))];
    }

    /// <summary>
    /// Where exactly one output pays back to an input's address, that output is the spender's
    /// (Meiklejohn et al. 2013 call it change; a key's owner paid it). Every other rule is asked with
    /// that address hidden, so the label cannot leak into the verdict; address_reuse itself cannot be
    /// measured this way.
    /// </summary>
    private void ChangeAgainstAddressReuse(List<ObservedTransaction> mainnet)
    {
        var scoring = new ChangeScoring();
        var used = new List<ObservedTransaction>();
        foreach (var tx in mainnet)
        {
            var shape = tx.Shape;
            if (shape.IsCoinbase || ShapeRules.CoinJoin(shape) is not null) continue;
            var candidates = Enumerable.Range(0, shape.Outputs.Count).Where(o => shape.Outputs[o].Address is not null && shape.Outputs[o].Type != ScriptType.NullData).ToList();
            if (candidates.Count < 2) continue;
            var inputAddresses = shape.Inputs.Select(i => i.Address).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var reused = candidates.Where(o => inputAddresses.Contains(shape.Outputs[o].Address!)).ToList();
            if (reused.Count != 1) continue;
            var change = reused[0];
            var outputs = shape.Outputs.ToList();
            outputs[change] = outputs[change] with { Address = "hidden change address" };
            var owned = new bool[outputs.Count];
            owned[change] = true;
            scoring.Score(ShapeRules.Change(shape with { Outputs = outputs }), owned);
            used.Add(tx);
        }
        const string Id = "mainnet-address-reuse";
        _dataSets.Add(new MeasuredDataSet
        {
            Id = Id,
            Title = "Mainnet transactions with one output paid back to an input's address (blocks of 2010, 2012, 2014 and 2021, and the Dumplings transactions Cairn does not take for CoinJoins)",
            Period = PeriodOf(used),
            Transactions = used.Count,
            Labels = "The output paid back to an input's address is the spender's (its key's owner paid it); the other outputs are taken as payments. "
                + "Biased towards wallets that reuse addresses; lone blocks show input addresses only through P2PKH and P2WPKH public keys and no input values.",
            Sources = [.. _blockSources, .. DumplingsSources()],
        });
        const string Note = "Transactions (not CoinJoins) with exactly one output back to an input's address, asked with that address hidden; right when the rule names that output";
        foreach (var rule in ChangeScoring.Rules.Where(r => r != "address_reuse"))
            Add(RuleMeasurement.From(rule, Id, EvidenceKind.IndependentReal, "transactions", scoring.Tallies[rule].TruePositives, scoring.Tallies[rule].FalsePositives,
                scoring.Tallies[rule].FalseNegatives, rule == HeuristicCatalogue.ChangeVerdict ? Note + " (the combined verdict without address reuse)" : Note));
        _log.WriteLine($"{Id}: {used.Count} transactions");
    }

    /// <summary>Clusters the mainnet transactions at hand and checks every pair of GraphSense-tagged addresses they hold.</summary>
    private void ClustersAgainstTags(List<ObservedTransaction> mainnet)
    {
        var actorOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var conflicting = new HashSet<string>(StringComparer.Ordinal);
        var packs = Directory.EnumerateFiles(Path.Combine(_sources.SharedData, "graphsense-tagpacks", "packs"), "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).ToList();
        foreach (var pack in packs)
            foreach (var tag in TagPackReader.Default.ReadFile(pack).Content?.Tags ?? [])
            {
                if (tag.Currency != "BTC" || tag.Subject != TagSubject.Address) continue;
                var actor = tag.Actor ?? tag.Label;
                if (!actorOf.TryAdd(tag.Identifier, actor) && actorOf[tag.Identifier] != actor) conflicting.Add(tag.Identifier);
            }
        foreach (var address in conflicting) actorOf.Remove(address);
        var union = AddressUnion.Of(mainnet.Select(t => t.Shape));
        var pairs = new PairCounting<int, string>();
        foreach (var (address, actor) in actorOf)
            if (union.Contains(address)) pairs.Add(union.ClusterOf(address), actor);
        const string Id = "mainnet-graphsense-tags";
        _dataSets.Add(new MeasuredDataSet
        {
            Id = Id,
            Title = "Multi-input clusters over the mainnet transactions at hand, against GraphSense's public TagPacks",
            Period = PeriodOf(mainnet),
            Transactions = mainnet.Count,
            Labels = $"{actorOf.Count:N0} Bitcoin addresses tagged with one actor in {packs.Count} TagPacks ({conflicting.Count:N0} tagged with two actors left out); "
                + $"{pairs.Addresses} of them were spent from in these transactions",
            Sources = [.. _blockSources, .. DumplingsSources(), new DataSource(TagPacks, TagPacksCommit, "packs/ (every file)", "MIT", TreeHash(packs))],
        });
        Add(RuleMeasurement.From(HeuristicCatalogue.MultiInput, Id, EvidenceKind.IndependentReal, "tagged address pairs", pairs.RightPairs, pairs.WrongPairs, pairs.MissedPairs,
            $"Pairs of tagged addresses spent from in these transactions ({pairs.Addresses} addresses, {pairs.Owners} actors, {pairs.Clusters} clusters); right when one actor holds both; "
            + $"{pairs.MixedClusters} clusters mix actors"));
        _log.WriteLine($"{Id}: {actorOf.Count} tagged, {pairs.Addresses} spent here, {pairs.RightPairs} right pairs, {pairs.WrongPairs} wrong");
    }

    /// <summary>SHA-256 over the files' SHA-256s in path order: one fingerprint for a folder of packs.</summary>
    private static string TreeHash(IEnumerable<string> files) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(string.Join("\n", files.Select(RealDataSources.Sha256Of)))));
}
