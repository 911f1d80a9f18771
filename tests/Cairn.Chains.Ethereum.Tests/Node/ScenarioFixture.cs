using Cairn.Chains.Ethereum.Ingest;
using Cairn.Chains.Ethereum.Tokens;
using Cairn.Index.Ethereum;

namespace Cairn.Chains.Ethereum.Tests.Node;

/// <summary>One Ganache per test class with the standard scenario sent and ingested into a temporary index.</summary>
public sealed class ScenarioFixture : IAsyncLifetime
{
    public GanacheNode Node { get; } = new();

    public Scenario Scenario { get; private set; } = null!;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "cairn-eth-test-" + Guid.NewGuid().ToString("N"));

    public string IndexDirectory => Path.Combine(DataDirectory, "eth-index");

    public EthIngestReport Report { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Node.InitializeAsync();
        if (!Node.Started) return; // the tests are skipped with GanacheNode.SkipReason
        Scenario = await Scenario.BuildAsync(Node);
        Report = await IngestAsync(Node, IndexDirectory, new EthIngestOptions { BlocksPerCommit = 4 });
    }

    public static async Task<EthIngestReport> IngestAsync(GanacheNode node, string directory, EthIngestOptions options)
    {
        using var writer = EthereumIndexWriter.Open(directory);
        var ingestor = new EthIngestor(new EthBlockFetcher(node.Client), new TokenMetadataReader(node.Client));
        return await ingestor.RunAsync(writer, options);
    }

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        if (Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
    }
}
