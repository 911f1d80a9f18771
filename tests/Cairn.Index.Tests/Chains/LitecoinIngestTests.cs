using Cairn.Chains.Bitcoin;
using Cairn.Index.Bitcoin;
using Cairn.TestSupport;

namespace Cairn.Index.Tests.Chains;

/// <summary>
/// Ingest of a real Litecoin Core block file (mainnet blocks 0–4, tests/data/chains/ltc): the same
/// ingest as Bitcoin's, with Litecoin's magic, genesis and address formats from its network.
/// </summary>
public sealed class LitecoinIngestTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Ingest_OfLitecoinMainnetBlocks0To4_HoldsThemWithLitecoinAddresses()
    {
        var blocks = _temp.Sub("blocks");
        File.Copy(SharedData.ChainData("ltc", "mainnet-blk-0-to-4.dat"), Path.Combine(blocks, "blk00000.dat"));
        var directory = Path.Combine(_temp.Path, "ltc-index");
        using (var writer = BitcoinIndexWriter.Open(directory, Network.LitecoinMain))
        {
            var report = new BitcoinIngest(writer).FromBlockFiles(blocks);
            Assert.Equal(5, report.BlocksAdded);
        }

        using var index = BitcoinIndex.OpenRead(directory);
        Assert.Same(Network.LitecoinMain, index.Network);
        Assert.Equal(5, index.BlockCount);
        Assert.Equal(Network.LitecoinMain.GenesisHash, index.BlockHashAt(0));
        Assert.Equal(5, index.TransactionCount);
        // Early coinbases pay to public keys; the index files them under their key hash, shown as "L…".
        for (uint address = 0; address < index.AddressCount; address++)
            Assert.StartsWith("L", index.AddressString(address), StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_IntoABitcoinIndex_IsRefusedNamingBothNetworks()
    {
        var directory = Path.Combine(_temp.Path, "index");
        using (BitcoinIndexWriter.Open(directory, Network.Main)) { }

        var error = Assert.Throws<Cairn.Core.CairnException>(() => BitcoinIndexWriter.Open(directory, Network.LitecoinMain));

        Assert.Contains("holds network 'main', not 'ltc-main'", error.Message, StringComparison.Ordinal);
    }
}
