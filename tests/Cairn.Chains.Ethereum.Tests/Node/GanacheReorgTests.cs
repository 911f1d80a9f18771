using System.Numerics;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Index.Ethereum;

namespace Cairn.Chains.Ethereum.Tests.Node;

/// <summary>Reorganisations made real with Ganache's evm_snapshot / evm_revert.</summary>
public sealed class GanacheReorgTests : IAsyncLifetime
{
    private readonly GanacheNode _node = new();
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cairn-eth-reorg-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => _node.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Ingest_AfterTheTipWasReplaced_RollsBackAndMatchesAFreshIngest()
    {
        var (a, b, c, d) = (_node.Accounts[0], _node.Accounts[1], _node.Accounts[2], _node.Accounts[3]);
        await _node.SendAsync(a, b, 1000);
        await _node.SendAsync(b, c, 300);
        var snapshot = (await _node.Client.CallAsync("evm_snapshot", [])).GetString()!;
        var forkBlock = await _node.BlockNumberAsync();
        await _node.SendAsync(c, d, 100);
        await _node.SendAsync(a, d, 7);
        var reorged = Path.Combine(_root, "reorged");
        var first = await ScenarioFixture.IngestAsync(_node, reorged, new EthIngestOptions { BlocksPerCommit = 2 });
        var staleHash = BlockHashIn(reorged, forkBlock + 1);

        Assert.True((await _node.Client.CallAsync("evm_revert", [snapshot])).GetBoolean());
        await _node.SendAsync(a, c, 55);
        await _node.SendAsync(d, a, 66);
        await _node.SendAsync(b, d, 77);
        var second = await ScenarioFixture.IngestAsync(_node, reorged, new EthIngestOptions { BlocksPerCommit = 2 });

        Assert.Equal(forkBlock + 2, first.Head.LastBlock);
        Assert.Equal(2, second.RolledBackBlocks);
        Assert.Equal(forkBlock + 3, second.Head.LastBlock);
        Assert.NotEqual(staleHash, BlockHashIn(reorged, forkBlock + 1));
        using (var index = EthereumIndex.Open(reorged))
        {
            var values = Enumerable.Range(0, (int)index.TransferCount).Select(r => index.Transfer(r).Value).ToList();
            Assert.Equal(new BigInteger[] { 1000, 300, 55, 66, 77 }, values);
        }
        var fresh = Path.Combine(_root, "fresh");
        await ScenarioFixture.IngestAsync(_node, fresh, new EthIngestOptions());
        Assert.Equal(IndexFiles.Digests(fresh), IndexFiles.Digests(reorged));
    }

    private static string BlockHashIn(string directory, long number)
    {
        using var index = EthereumIndex.Open(directory);
        return index.BlockHash(number);
    }
}
