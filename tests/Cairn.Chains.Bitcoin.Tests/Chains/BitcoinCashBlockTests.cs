using Cairn.Core;
using Cairn.TestSupport;

namespace Cairn.Chains.Bitcoin.Tests.Chains;

/// <summary>
/// Real Bitcoin Cash mainnet blocks (tests/data/chains/bch, from bitcoin-verde): after the 2017 fork
/// blocks never use the SegWit serialisation and order transactions canonically (2018); the file
/// names are their hashes. Addresses are written in CashAddr.
/// </summary>
public class BitcoinCashBlockTests
{
    public static TheoryData<string, string> Blocks => new()
    {
        { "block-576069.hex", "0000000000000000012f011b29194439757a67186a54c2614978f0d6192570f2" },
        { "block-663749.hex", "000000000000000003c6a342b3922672851c5ef677d90bdb8cf245817a536048" },
        { "block-663750.hex", "0000000000000000011c8a9b1a8dd1338337e3b6d4bcbe2b19892e7ba41eaca5" },
        { "block-663750-abc-fork.hex", "00000000000000000007f9c9e6f9564cf56cb3e55232459968b3b3721d34a289" },
        { "block-663751.hex", "000000000000000003922b7eeb66dce170201d2645b18706d8090bb51d9235d8" },
        { "block-663752.hex", "0000000000000000034b6afa55214faf81ab29656f3724c8f0b2f43cbd17bc41" },
    };

    private static Block Read(string file) => Block.ParseHex(File.ReadAllText(SharedData.ChainData("bch", file)), Network.BitcoinCashMain);

    [Theory]
    [MemberData(nameof(Blocks))]
    public void MainnetBlock_ParsesWithItsHashAndMerkleRoot_WithoutWitnessData(string file, string hash)
    {
        var block = Read(file);

        Assert.Equal(hash, block.Hash.ToString());
        Assert.True(block.MerkleRootMatches);
        Assert.DoesNotContain(block.Transactions, t => t.HasWitness);
        // Canonical transaction ordering (November 2018): after the coinbase, ascending txid.
        var rest = block.Transactions.Skip(1).Select(t => t.TxId.ToString()).ToList();
        Assert.Equal(rest.Order(StringComparer.Ordinal), rest);
    }

    [Fact]
    public void Blocks663749To663752_LinkByHash_AndTheSplitsTwoBlocksShareAParent()
    {
        var blocks = new[] { "block-663749.hex", "block-663750.hex", "block-663751.hex", "block-663752.hex" }.Select(Read).ToList();
        for (var i = 1; i < blocks.Count; i++) Assert.Equal(blocks[i - 1].Hash, blocks[i].Header.PreviousBlockHash);
        Assert.Equal(blocks[0].Hash, Read("block-663750-abc-fork.hex").Header.PreviousBlockHash);
    }

    [Fact]
    public void OutputAddresses_AreCashAddrs_ThatDecodeBackToTheirScripts()
    {
        var outputs = Read("block-663749.hex").Transactions.SelectMany(t => t.Outputs).Select(o => o.ScriptPubKey)
            .Where(s => ScriptClassifier.Classify(s) is ScriptType.P2PKH or ScriptType.P2SH).ToList();

        Assert.NotEmpty(outputs);
        foreach (var script in outputs)
        {
            var address = AddressCodec.FromScript(script, Network.BitcoinCashMain)!;
            Assert.StartsWith("bitcoincash:", address, StringComparison.Ordinal);
            Assert.Equal(script, AddressCodec.Decode(address, Network.BitcoinCashMain).ScriptPubKey);
            Assert.Equal(script, AddressCodec.Decode(address["bitcoincash:".Length..].ToUpperInvariant(), Network.BitcoinCashMain).ScriptPubKey);
            // The legacy form of the same hash is still accepted (OFAC lists carry both).
            Assert.Equal(script, AddressCodec.Decode(AddressCodec.FromScript(script, Network.Main)!, Network.BitcoinCashMain).ScriptPubKey);
        }
    }

    [Fact]
    public void SegwitBlock_ReadAsBitcoinCash_IsRefused()
    {
        var segwit = Block.Parse(File.ReadAllBytes(SharedData.PathOf("rust-bitcoin", "bitcoin", "tests", "data",
            "mainnet_block_000000000000000000000c835b2adcaedc20fdf6ee440009c249452c726dafae.raw")));
        var bytes = File.ReadAllBytes(SharedData.PathOf("rust-bitcoin", "bitcoin", "tests", "data",
            "mainnet_block_000000000000000000000c835b2adcaedc20fdf6ee440009c249452c726dafae.raw"));
        Assert.True(segwit.WitnessCommitmentMatches);

        var error = Assert.Throws<CairnException>(() => Block.Parse(bytes, Network.BitcoinCashMain));

        Assert.Contains("segwit flag bch does not have", error.Message, StringComparison.Ordinal);
    }
}
