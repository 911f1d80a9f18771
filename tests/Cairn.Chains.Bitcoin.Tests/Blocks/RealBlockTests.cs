using System.Globalization;
using System.Text.Json;

namespace Cairn.Chains.Bitcoin.Tests.Blocks;

/// <summary>
/// Every standalone real block in ../shared/data: the hash (as SOURCES.md or the file name
/// gives it), the transaction count, the recomputed merkle root and, for SegWit blocks, the
/// BIP141 witness commitment (which checks every wtxid). Each block also re-serialises
/// byte-identically.
/// </summary>
public class RealBlockTests
{
    [Fact]
    public void SegwitMainnetBlock2021_Has2500TransactionsAndValidCommitments()
    {
        const string hash = "000000000000000000000c835b2adcaedc20fdf6ee440009c249452c726dafae";
        var bytes = TestData.Bytes("rust-bitcoin", "bitcoin", "tests", "data", $"mainnet_block_{hash}.raw");
        var block = AssertWellFormed(bytes);
        Assert.Equal(hash, block.Hash.ToString());
        Assert.Equal(2500, block.Transactions.Count);
        Assert.True(block.WitnessCommitmentMatches);
        Assert.Contains(block.Transactions, t => t.HasWitness);
        Assert.Contains(block.Transactions, t => !t.HasWitness);
    }

    [Fact]
    public void TestnetRawBlock_Has15Transactions()
    {
        const string hash = "000000000000045e0b1660b6445b5e5c5ab63c9a4f956be7e1e69be04fa4497b";
        var block = AssertWellFormed(TestData.Bytes("rust-bitcoin", "bitcoin", "tests", "data", $"testnet_block_{hash}.raw"));
        Assert.Equal(hash, block.Hash.ToString());
        Assert.Equal(15, block.Transactions.Count);
    }

    [Fact]
    public void MainnetBlock13b8a_From2010_Has9Transactions()
    {
        var block = AssertWellFormed(TestData.HexFile("rust-bitcoin", "p2p", "tests", "data", "block_13b8a.hex"));
        Assert.StartsWith("0000000000013b8ab2cd", block.Hash.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("e0f7af", block.Hash.ToString(), StringComparison.Ordinal);
        Assert.Equal(9, block.Transactions.Count);
        Assert.Null(block.WitnessCommitmentMatches);
    }

    [Fact]
    public void MainnetBlock169482_From2012_ParsesWithMatchingMerkleRoot()
    {
        var block = AssertWellFormed(TestData.HexFile("nbitcoin", "block169482.txt"));
        Assert.StartsWith("0000000000000756935f", block.Hash.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("8665", block.Hash.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TestnetBlock828575_Has2401Transactions()
    {
        var block = AssertWellFormed(TestData.HexFile("nbitcoin", "block-testnet-828575.txt"));
        Assert.StartsWith("00000000000f0d5e", block.Hash.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("c20a", block.Hash.ToString(), StringComparison.Ordinal);
        Assert.Equal(2401, block.Transactions.Count);
    }

    public static TheoryData<string> FilterVectorFiles => new()
    {
        "nbitcoin/bip158_vectors.json",
        "rust-bitcoin/bitcoin/tests/data/blockfilters.json",
    };

    [Theory]
    [MemberData(nameof(FilterVectorFiles))]
    public void Bip158VectorBlocks_HaveTheirListedHashes(string file)
    {
        using var document = JsonDocument.Parse(TestData.Text(file.Split('/')));
        var count = 0;
        foreach (var row in document.RootElement.EnumerateArray().Where(r => r.GetArrayLength() > 3))
        {
            var block = AssertWellFormed(Convert.FromHexString(row[2].GetString()!));
            Assert.Equal(row[1].GetString(), block.Hash.ToString());
            if (row[0].GetInt32() == 0) Assert.Equal(Network.Test.GenesisHash, block.Hash);
            count++;
        }
        Assert.True(count >= 6, $"only {count} blocks in {file}");
    }

    [Fact]
    public void Block1Json_MerkleRootOfItsTxIds_IsTheHeaderRoot()
    {
        // blockchain.info JSON of mainnet block 000000000000000040cd08…ca20: no raw bytes, but
        // its 996 txids and merkle root check the merkle computation on a real large block.
        using var document = JsonDocument.Parse(TestData.Text("nbitcoin", "blocks", "Block1.json").TrimStart('\uFEFF'));
        var root = document.RootElement;
        var txIds = root.GetProperty("tx").EnumerateArray().Select(t => Hash256.Parse(t.GetProperty("hash").GetString()!)).ToArray();
        Assert.Equal(root.GetProperty("n_tx").GetInt32(), txIds.Length);
        Assert.Equal(Hash256.Parse(root.GetProperty("mrkl_root").GetString()!), MerkleTree.ComputeRoot(txIds));
        var header = new BlockHeader(
            root.GetProperty("ver").GetInt32(), Hash256.Parse(root.GetProperty("prev_block").GetString()!),
            MerkleTree.ComputeRoot(txIds), root.GetProperty("time").GetUInt32(), root.GetProperty("bits").GetUInt32(), root.GetProperty("nonce").GetUInt32());
        Assert.Equal(root.GetProperty("hash").GetString(), header.Hash.ToString());
        Assert.Equal(996, int.Parse(root.GetProperty("n_tx").GetRawText(), CultureInfo.InvariantCulture));
    }

    private static Block AssertWellFormed(byte[] bytes)
    {
        var block = Block.Parse(bytes);
        Assert.True(block.MerkleRootMatches, $"merkle root mismatch in block {block.Hash}");
        Assert.Equal(bytes.Length, block.SerializedSize);
        Assert.Equal(bytes, block.Serialize());
        Assert.True(block.Transactions[0].IsCoinbase);
        Assert.All(block.Transactions.Skip(1), t => Assert.False(t.IsCoinbase));
        Assert.NotEqual(block.Header.PreviousBlockHash, block.Hash);
        return block;
    }
}
