using Cairn.TestSupport.Node;
using System.Numerics;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Index.Ethereum;

namespace Cairn.Chains.Ethereum.Tests.Node;

/// <summary>Reorganisations made real with Ganache's evm_snapshot / evm_revert.</summary>
public sealed class GanacheReorgTests() : GanacheTest("cairn-eth-reorg-")
{
    [NodeFact("ganache")]
    public async Task Ingest_AfterTheTipWasReplaced_RollsBackAndMatchesAFreshIngest()
    {
        var (a, b, c, d) = (Node.Accounts[0], Node.Accounts[1], Node.Accounts[2], Node.Accounts[3]);
        await Node.SendAsync(a, b, 1000);
        await Node.SendAsync(b, c, 300);
        var snapshot = (await Node.Client.CallAsync("evm_snapshot", [])).GetString()!;
        var forkBlock = await Node.BlockNumberAsync();
        await Node.SendAsync(c, d, 100);
        await Node.SendAsync(a, d, 7);
        var reorged = Path.Combine(Root, "reorged");
        var first = await ScenarioFixture.IngestAsync(Node, reorged, new EthIngestOptions { BlocksPerCommit = 2 });
        var staleHash = BlockHashIn(reorged, forkBlock + 1);

        Assert.True((await Node.Client.CallAsync("evm_revert", [snapshot])).GetBoolean());
        await Node.SendAsync(a, c, 55);
        await Node.SendAsync(d, a, 66);
        await Node.SendAsync(b, d, 77);
        var second = await ScenarioFixture.IngestAsync(Node, reorged, new EthIngestOptions { BlocksPerCommit = 2 });

        Assert.Equal(forkBlock + 2, first.Head.LastBlock);
        Assert.Equal(2, second.RolledBackBlocks);
        Assert.Equal(forkBlock + 3, second.Head.LastBlock);
        Assert.NotEqual(staleHash, BlockHashIn(reorged, forkBlock + 1));
        using (var index = EthereumIndex.Open(reorged))
        {
            var values = Enumerable.Range(0, (int)index.TransferCount).Select(r => index.Transfer(r).Value).ToList();
            Assert.Equal(new BigInteger[] { 1000, 300, 55, 66, 77 }, values);
        }
        var fresh = Path.Combine(Root, "fresh");
        await ScenarioFixture.IngestAsync(Node, fresh, new EthIngestOptions());
        Assert.Equal(IndexFiles.Digests(fresh), IndexFiles.Digests(reorged));
    }

    private static string BlockHashIn(string directory, long number)
    {
        using var index = EthereumIndex.Open(directory);
        return index.BlockHash(number);
    }
}
