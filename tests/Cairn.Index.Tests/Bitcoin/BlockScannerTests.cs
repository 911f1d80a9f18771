using Cairn.Chains.Bitcoin;
using Cairn.Core;
using Cairn.Index.Bitcoin;
using Cairn.TestSupport;

namespace Cairn.Index.Tests.Bitcoin;

/// <summary>The ingest scanner must agree with the full parser on every real block in the shared data.</summary>
public class BlockScannerTests
{
    public static TheoryData<string> RealBlocks() =>
    [
        "rust-bitcoin/bitcoin/tests/data/mainnet_block_000000000000000000000c835b2adcaedc20fdf6ee440009c249452c726dafae.raw",
        "rust-bitcoin/bitcoin/tests/data/testnet_block_000000000000045e0b1660b6445b5e5c5ab63c9a4f956be7e1e69be04fa4497b.raw",
        "rust-bitcoin/p2p/tests/data/block_13b8a.hex",
        "nbitcoin/block169482.txt",
        "nbitcoin/block-testnet-828575.txt",
    ];

    private static byte[] Load(string relative)
    {
        var path = SharedData.PathOf(relative.Split('/'));
        return relative.EndsWith(".raw", StringComparison.Ordinal) ? File.ReadAllBytes(path) : Convert.FromHexString(File.ReadAllText(path).Trim());
    }

    [Theory]
    [MemberData(nameof(RealBlocks))]
    public void Scan_AgreesWithTheParser_OnTxidsSizesAndOutputs(string relative)
    {
        var bytes = Load(relative);
        var parsed = Block.Parse(bytes);
        var scanned = new ScannedBlock();
        new BlockScanner().Scan(bytes, scanned, relative);

        Assert.Equal(parsed.Hash, scanned.Hash);
        Assert.Equal(parsed.Transactions.Count, scanned.TransactionCount);
        Assert.Equal(bytes.Length, scanned.SerializedSize);
        for (var t = 0; t < parsed.Transactions.Count; t++)
        {
            var tx = parsed.Transactions[t];
            Assert.Equal(tx.TxId, scanned.TxIds[t]);
            Assert.Equal((uint)((tx.Weight + 3) / 4), scanned.TxVirtualSize[t]);
            Assert.Equal(tx.IsCoinbase, ((TxFlags)scanned.TxFlags[t]).HasFlag(TxFlags.Coinbase));
            Assert.Equal(tx.Outputs.Count, scanned.TxFirstOutput[t + 1] - scanned.TxFirstOutput[t]);
            for (var o = 0; o < tx.Outputs.Count; o++)
            {
                var index = scanned.TxFirstOutput[t] + o;
                Assert.Equal(tx.Outputs[o].Value, scanned.OutputValue[index]);
                Assert.Equal(ScriptClassifier.Classify(tx.Outputs[o].ScriptPubKey), scanned.OutputType[index]);
            }
        }
        Assert.Equal(parsed.Transactions.Sum(t => t.Outputs.Sum(o => o.Value)), scanned.OutputTotal());
    }

    [Fact]
    public void Scan_OfTheSegWitBlock_CountsItsSegWitTransactions()
    {
        var bytes = Load("rust-bitcoin/bitcoin/tests/data/mainnet_block_000000000000000000000c835b2adcaedc20fdf6ee440009c249452c726dafae.raw");
        var scanned = new ScannedBlock();
        new BlockScanner().Scan(bytes, scanned, "segwit block");
        Assert.Equal(2500, scanned.TransactionCount);
        Assert.True(Enumerable.Range(0, scanned.TransactionCount).Count(t => ((TxFlags)scanned.TxFlags[t]).HasFlag(TxFlags.SegWit)) > 1000);
    }

    [Fact]
    public void Scan_RejectsATruncatedBlock_NamingWhere()
    {
        var bytes = Load("nbitcoin/block169482.txt");
        var ex = Assert.Throws<CairnException>(() => new BlockScanner().Scan(bytes.AsSpan(0, bytes.Length - 10), new ScannedBlock(), "block X"));
        Assert.Contains("block X", ex.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_RejectsABlockWhoseTransactionsDoNotMatchTheMerkleRoot()
    {
        var bytes = Load("nbitcoin/block169482.txt");
        bytes[^5] ^= 0x01; // a byte inside the last transaction's locktime
        var ex = Assert.Throws<CairnException>(() => new BlockScanner().Scan(bytes, new ScannedBlock(), "block Y"));
        Assert.Contains("merkle root mismatch", ex.Message, StringComparison.Ordinal);
    }
}
