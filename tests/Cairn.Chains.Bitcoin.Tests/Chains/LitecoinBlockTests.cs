using Cairn.Core;
using Cairn.TestSupport;

namespace Cairn.Chains.Bitcoin.Tests.Chains;

/// <summary>
/// Real Litecoin blocks (tests/data/chains/ltc, from ltcsuite/ltcd): mainnet blocks 0–4 from a block
/// file, and testnet4 blocks of the MWEB era whose hashes, transaction counts and last txids are those
/// ltcd's wire tests assert. MWEB blocks end in a HogEx (flag 0x08 with an empty MWEB part) followed
/// by the MWEB extension; both must be read as such, never as Bitcoin data.
/// </summary>
public class LitecoinBlockTests
{
    public static TheoryData<string, string, int, string, bool> TestNet4Blocks => new()
    {
        { "testnet4Block1821752.dat", "ece484c02e84e4b1c551fbbdde3045e9096c970fbd3e31f2586b68d50dad6b24", 3, "cb4d9d2d7ab7211ddf030a667d320fe499c849623e9d4a130e1901391e9d4947", false },
        { "testnet4Block2215584.dat", "7e35fabe7b3c694ebeb0368a1a1c31e83962f3c5b4cc8dcede3ae94ed3deb306", 5, "4c86658e64861c2f2b7fbbf26bbf7a6640ae3824d24293a009ad5ea1e8ab4418", true },
        { "testnet4Block2215586.dat", "3000cc2076a568a8eb5f56a06112a57264446e2c7d2cca28cdc85d91820dfa17", 37, "3a7299f5e6ee9975bdcc2d754ff5de3312d92db177b55c68753a1cdf9ce63a7c", true },
        { "testnet4Block2321749.dat", "57929846db4a92d937eb596354d10949e33c815ee45df0c9b3bbdfb283e15bcd", 4, "1bad5e78b145947d32eeeb1d24295891ba03359508d5f09921bada3be66bbe17", true },
        { "testnet4Block2319633.dat", "e9fe2c6496aedefa8bf6529bdc5c1f9fd4af565ca4c98cab73e3a1f616fb3502", 2, "3cd43df64e9382040eff0bf54ba1c2389d5111eb5ab0968ab7af67e3c30cac04", true },
    };

    [Theory]
    [MemberData(nameof(TestNet4Blocks))]
    public void TestNet4Block_ParsesToLtcdsHashCountAndLastTxid(string file, string hash, int transactions, string lastTxid, bool mweb)
    {
        var block = Block.Parse(File.ReadAllBytes(SharedData.ChainData("ltc", file)), Network.LitecoinTestNet4);

        Assert.Equal(hash, block.Hash.ToString());
        Assert.Equal(transactions, block.Transactions.Count);
        Assert.Equal(lastTxid, block.Transactions[^1].TxId.ToString());
        Assert.True(block.MerkleRootMatches);
        Assert.Equal(mweb, block.Transactions[^1].IsHogEx);
        Assert.Equal(mweb, block.Mweb is { Present: true });
    }

    [Fact]
    public void MwebBlock_HasItsExtensionHeaderAtTheBlocksHeight_AndOnlyTheLastTransactionIsAHogEx()
    {
        var block = Block.Parse(File.ReadAllBytes(SharedData.ChainData("ltc", "testnet4Block2215584.dat")), Network.LitecoinTestNet4);

        // The MWEB header's height is the block's own (LIP-0003), read as a VARINT after five 32-byte fields would misalign.
        Assert.Equal(2215584, block.Mweb!.Height);
        Assert.True(block.Mweb.BodySize > 3);
        Assert.Equal(File.ReadAllBytes(SharedData.ChainData("ltc", "testnet4Block2215584.dat")).Length, block.SerializedSize);
        Assert.Single(block.Transactions, t => t.IsHogEx);
        // The HogEx's first output is the MWEB holding address: witness version 8 (LIP-0002).
        Assert.Equal(0x58, block.Transactions[^1].Outputs[0].ScriptPubKey[0]);
    }

    [Fact]
    public void MwebBlock_ReadAsBitcoin_IsRefusedNamingTheFlag()
    {
        var bytes = File.ReadAllBytes(SharedData.ChainData("ltc", "testnet4Block2215584.dat"));

        var error = Assert.Throws<CairnException>(() => Block.Parse(bytes, Network.Main));

        Assert.Contains("unknown segwit flag 0x08", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HogExFollowedByMwebDataInsteadOfTheEmptyMarker_IsRefused()
    {
        var bytes = File.ReadAllBytes(SharedData.ChainData("ltc", "testnet4Block2319633.dat"));
        var block = Block.Parse(bytes, Network.LitecoinTestNet4);
        // The byte before the HogEx's lock time is its empty MWEB part; set it and the block must not parse.
        var hogExEnd = bytes.Length - block.Mweb!.SerializedSize;
        bytes[hogExEnd - 5] = 0x01;

        var error = Assert.Throws<CairnException>(() => Block.Parse(bytes, Network.LitecoinTestNet4));

        Assert.Contains("MWEB transaction data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MainnetBlockFile_HoldsGenesisAndBlocks1To4_LinkedByHash()
    {
        var directory = Directory.CreateTempSubdirectory("cairn-ltc-");
        try
        {
            File.Copy(SharedData.ChainData("ltc", "mainnet-blk-0-to-4.dat"), Path.Combine(directory.FullName, "blk00000.dat"));
            var reader = new BlockFileReader(directory.FullName, Network.LitecoinMain);
            var blocks = reader.ReadAll().Select(r => Block.Parse(r.RawBlock.Span, Network.LitecoinMain)).ToList();

            Assert.Equal(5, blocks.Count);
            Assert.Equal(Network.LitecoinMain.GenesisHash, blocks[0].Hash);
            for (var i = 1; i < blocks.Count; i++) Assert.Equal(blocks[i - 1].Hash, blocks[i].Header.PreviousBlockHash);
            Assert.All(blocks, b => Assert.True(b.MerkleRootMatches));
            var best = BestChain.Select(reader.ReadHeaders().Select(h => (h.Header, h.Location)), Network.LitecoinMain);
            Assert.Equal(5, best.Count);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void MainnetBlockFile_ReadWithBitcoinsMagic_IsRefusedNamingBoth()
    {
        var directory = Directory.CreateTempSubdirectory("cairn-ltc-");
        try
        {
            File.Copy(SharedData.ChainData("ltc", "mainnet-blk-0-to-4.dat"), Path.Combine(directory.FullName, "blk00000.dat"));
            var error = Assert.Throws<CairnException>(() => new BlockFileReader(directory.FullName, Network.Main).ReadAll().ToList());
            Assert.Contains("found fbc0b6db, expected f9beb4d9", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
