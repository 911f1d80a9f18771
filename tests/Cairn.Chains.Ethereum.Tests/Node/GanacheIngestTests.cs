using Cairn.TestSupport.Node;
using System.Numerics;
using Cairn.Chains.Ethereum.Crypto;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Chains.Ethereum.Transfers;
using Cairn.Index.Ethereum;

namespace Cairn.Chains.Ethereum.Tests.Node;

/// <summary>Ingest of the standard scenario from a real Ganache node into the index.</summary>
public class GanacheIngestTests(ScenarioFixture fixture) : IClassFixture<ScenarioFixture>
{
    private Scenario S => fixture.Scenario;

    [NodeFact("ganache")]
    public void Ingest_Scenario_IndexesEveryBlockUpToTheTip()
    {
        Assert.Equal(0, fixture.Report.FirstBlock);
        Assert.Equal(fixture.Report.LastBlock, fixture.Report.Head.LastBlock);
        Assert.Equal("debug_traceTransaction (struct logs)", fixture.Report.TraceMode);
        Assert.Null(fixture.Report.Note);
    }

    [NodeFact("ganache")]
    public void Ingest_EthTransfers_AreNativeRowsWithExactWei()
    {
        using var index = EthereumIndex.Open(fixture.IndexDirectory);
        var rows = Transfers(index, TransferKind.Native);
        Assert.Contains(rows, t => t.From == S.Alice && t.To == S.Bob && t.Value == 5 * Scenario.OneEther);
        Assert.Contains(rows, t => t.From == S.Bob && t.To == S.Carol && t.Value == 2 * Scenario.OneEther);
        Assert.Contains(rows, t => t.From == S.Carol && t.To == S.Forwarder && t.Value == 3 * Scenario.OneEther);
    }

    [NodeFact("ganache")]
    public void Ingest_ForwarderSplit_YieldsTwoInternalTransfersFromTheContract()
    {
        using var index = EthereumIndex.Open(fixture.IndexDirectory);
        var tx = index.FindTransaction(S.SplitTransaction);
        var internals = index.TransfersOfTransaction(tx.Id).Select(index.Transfer).Where(t => t.Kind == TransferKind.Internal)
            .Select(t => (index.AddressOf(t.FromId), index.AddressOf(t.ToId), t.Value)).ToList();
        Assert.Equal([(S.Forwarder, S.Dave, 2 * Scenario.OneEther), (S.Forwarder, S.Bob, Scenario.OneEther)], internals);
    }

    [NodeFact("ganache")]
    public void Ingest_RefusedInnerCall_IsNotATransferButTheRefundIs()
    {
        using var index = EthereumIndex.Open(fixture.IndexDirectory);
        var tx = index.FindTransaction(S.RefusedTransaction);
        var internals = index.TransfersOfTransaction(tx.Id).Select(index.Transfer).Where(t => t.Kind == TransferKind.Internal).ToList();
        var refund = Assert.Single(internals);
        Assert.Equal(S.Forwarder, index.AddressOf(refund.FromId));
        Assert.Equal(S.Dave, index.AddressOf(refund.ToId));
        Assert.False(index.TryGetAddressId(S.Refuser, out var refuserId) && index.IncomingRows(refuserId).Any());
    }

    [NodeFact("ganache")]
    public void Ingest_RevertedTransaction_IsStoredAsFailedWithNoTransfers()
    {
        using var index = EthereumIndex.Open(fixture.IndexDirectory);
        var tx = index.FindTransaction(S.RevertedTransaction);
        Assert.False(tx.Succeeded);
        Assert.Empty(index.TransfersOfTransaction(tx.Id));
    }

    [NodeFact("ganache")]
    public void Ingest_Erc20Transfers_CarryTokenMetadataReadFromTheContract()
    {
        using var index = EthereumIndex.Open(fixture.IndexDirectory);
        var rows = Transfers(index, TransferKind.Erc20);
        Assert.Contains(rows, t => t.Token == S.Token && t.From == "0x0000000000000000000000000000000000000000" && t.To == S.Alice && t.Value == 1_000_000_000_000);
        Assert.Contains(rows, t => t.Token == S.Token && t.From == S.Bob && t.To == S.Carol && t.Value == 100_000_000);
        var token = index.Token(index.TokenIdFor(S.Token));
        Assert.Equal(("CTK", 6), (token.Symbol, token.Decimals!.Value));
        var legacy = index.Token(index.TokenIdFor(S.LegacyToken));
        Assert.Equal(("LEGACY", 9), (legacy.Symbol, legacy.Decimals!.Value));
        Assert.Contains(rows, t => t.Token == S.LegacyToken && t.To == S.Dave && t.Value == 7);
    }

    [NodeFact("ganache")]
    public void Ingest_Erc721Transfers_KeepTheTokenIdAndUnknownMetadata()
    {
        using var index = EthereumIndex.Open(fixture.IndexDirectory);
        var rows = Transfers(index, TransferKind.Erc721);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, t => Assert.Equal(42, (int)t.NftTokenId!.Value));
        Assert.Contains(rows, t => t.From == S.Bob && t.To == S.Carol);
        var collectible = index.Token(index.TokenIdFor(S.Collectible));
        Assert.Equal(("", (int?)null), (collectible.Symbol, collectible.Decimals));
    }

    [NodeFact("ganache")]
    public void Adjacency_BothDirections_ListExactlyTheRowsOfEachAddress()
    {
        using var index = EthereumIndex.Open(fixture.IndexDirectory);
        Assert.Equal(index.TransferCount, index.AdjacencyTransfers);
        for (var id = 0; id < index.AddressCount; id++)
        {
            var expectedOut = Enumerable.Range(0, (int)index.TransferCount).Select(r => (long)r).Where(r => index.FromId(r) == id);
            var expectedIn = Enumerable.Range(0, (int)index.TransferCount).Select(r => (long)r).Where(r => index.ToId(r) == id);
            Assert.Equal(expectedOut, index.OutgoingRows(id));
            Assert.Equal(expectedIn, index.IncomingRows(id));
        }
    }

    [NodeFact("ganache")]
    public async Task Ingest_RunAgainAtTheTip_AddsNothing()
    {
        var again = await ScenarioFixture.IngestAsync(fixture.Node, fixture.IndexDirectory, new());
        Assert.Equal(0, again.Blocks);
        Assert.Equal(fixture.Report.Head.Transfers, again.Head.Transfers);
    }

    [NodeFact("ganache")]
    public async Task Keccak256_RandomInputs_MatchTheNodesWeb3Sha3()
    {
        var random = new Random(1337);
        foreach (var length in new[] { 0, 1, 31, 32, 135, 136, 137, 271, 272, 273, 1000 })
        {
            var data = new byte[length];
            random.NextBytes(data);
            var expected = (await fixture.Node.Client.CallAsync("web3_sha3", [Hex.ToHex(data)])).GetString();
            Assert.Equal(expected, Hex.ToHex(Keccak256.Hash(data)));
        }
    }

    private sealed record Row(string From, string To, string? Token, BigInteger Value, BigInteger? NftTokenId);

    private static List<Row> Transfers(EthereumIndex index, TransferKind kind) =>
        Enumerable.Range(0, (int)index.TransferCount).Select(r => index.Transfer(r)).Where(t => t.Kind == kind)
            .Select(t => new Row(index.AddressOf(t.FromId), index.AddressOf(t.ToId), index.Token(t.TokenId).Contract, t.Value, index.NftTokenId(t.Row))).ToList();
}
