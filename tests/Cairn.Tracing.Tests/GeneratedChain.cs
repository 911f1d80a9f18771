using Cairn.Chains.Bitcoin;
using Cairn.Index.Bitcoin;
using Cairn.Development.Generation;
using Cairn.Tracing.Attribution;
using Cairn.Development.Attribution;
using Cairn.Tracing.Clustering;

namespace Cairn.Tracing.Tests;

/// <summary>
/// One generated regtest chain (20,000 transactions, seed 7, with the planted ransomware case)
/// ingested once per test run and shared by every test class (generation + ingest take seconds).
/// </summary>
public sealed class GeneratedChain
{
    private static readonly Lazy<GeneratedChain> Shared = new(() => new GeneratedChain());

    private GeneratedChain()
    {
        var root = Path.Combine(Path.GetTempPath(), "cairn-tracing-tests-" + Environment.ProcessId);
        var blocks = Path.Combine(root, "blocks");
        var indexDirectory = Path.Combine(root, "index");
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        ChainGenerator.Generate(new ChainGeneratorOptions { Transactions = 20_000, Seed = 7, OutputDirectory = blocks });
        using (var writer = BitcoinIndexWriter.Open(indexDirectory, Network.RegTest))
            new BitcoinIngest(writer).FromBlockFiles(blocks);
        Scenario = ScenarioManifest.Load(Path.Combine(blocks, ScenarioManifest.FileName));
        ScenarioPath = Path.Combine(blocks, ScenarioManifest.FileName);
        Index = BitcoinIndex.OpenRead(indexDirectory);
        Clusters = AddressClusters.OpenOrBuild(Index);
        Attribution = new ClusterAttribution(Index, Clusters, new ScenarioAttributionSource(Scenario));
    }

    public static GeneratedChain Instance => Shared.Value;

    public BitcoinIndex Index { get; }

    public ScenarioManifest Scenario { get; }

    public string ScenarioPath { get; }

    public AddressClusters Clusters { get; }

    public ClusterAttribution Attribution { get; }

    public uint AddressId(string address) => Index.TryFindAddress(AddressKey.Parse(address, Index.Network), out var id)
        ? id : throw new InvalidOperationException($"{address} not in the generated index");
}
