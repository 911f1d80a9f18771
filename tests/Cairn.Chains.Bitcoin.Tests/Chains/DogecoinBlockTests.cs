using Cairn.Core;
using Cairn.TestSupport;

namespace Cairn.Chains.Bitcoin.Tests.Chains;

/// <summary>
/// Real Dogecoin mainnet blocks (tests/data/chains/doge, from dogecoin/libdohj) against the values
/// libdohj's DogecoinBlockTest asserts: before merged mining (blocks 1, 250,000) and after, when an
/// AuxPoW follows the header (371,337, the first merge-mined block; 748,634; 894,863).
/// </summary>
public class DogecoinBlockTests
{
    private static Block Read(string file) => Block.Parse(File.ReadAllBytes(SharedData.ChainData("doge", file)), Network.DogecoinMain);

    [Fact]
    public void Block1_HasOneTransactionAndNoAuxPow()
    {
        var block = Read("dogecoin_block1.bin");

        Assert.Equal("82bc68038f6034c0596b6e313729793a887fded6e92a31fbdf70863f89d9bea2", block.Hash.ToString());
        Assert.Single(block.Transactions);
        Assert.Equal(0x1e0ffff0u, block.Header.Bits);
        Assert.Null(block.AuxPow);
        Assert.True(block.MerkleRootMatches);
    }

    [Fact]
    public void Block250000_BeforeMergedMining_HasSixTransactions()
    {
        var block = Read("dogecoin_block250000.bin");

        Assert.Equal("0e4bcfe8d970979f7e30e2809ab51908d435677998cf759169407824d4f36460", block.Hash.ToString());
        Assert.Equal(2469341065u, block.Header.Nonce);
        Assert.Equal(6, block.Transactions.Count);
        Assert.True(block.MerkleRootMatches);
    }

    [Fact]
    public void Block371337_FirstAuxPowBlock_CarriesTheParentCoinbaseAndHeader()
    {
        var block = Read("dogecoin_block371337.bin");

        Assert.Equal("60323982f9c5ff1b5a954eac9dc1269352835f47c2c5222691d80f0d50dcf053", block.Hash.ToString());
        Assert.Equal(0u, block.Header.Nonce);
        Assert.Equal(98, AuxPow.ChainIdOf(block.Header.Version));
        Assert.Equal(2, block.Header.Version & 0xff);
        var auxPow = Assert.IsType<AuxPow>(block.AuxPow);
        Assert.Equal("e5422732b20e9e7ecc243427abbe296e9528d308bb111aae8d30c3465e442de8", auxPow.Coinbase.TxId.ToString());
        Assert.Equal("45df41e40aba5b2a03d08bd1202a1c02ef3954d8aa22ea6c5ae62fd00f290ea9", auxPow.ParentBlockHash.ToString());
        Assert.Equal(3, auxPow.CoinbaseBranchLength);
        Assert.Equal(3, auxPow.ChainBranchLength);
        Assert.Equal(6, block.Transactions.Count);
        Assert.True(block.MerkleRootMatches);
    }

    [Theory]
    [InlineData("dogecoin_block748634.bin", "bd98a06391115285265c04984e8505229739f6ffa5d498929a91fbe7c281ea7b", null)]
    [InlineData("dogecoin_block894863.bin", "93a207e6d227f4d60ee64fad584b47255f654b0b6378d78e774123dd66f4fef9", "c84431cf41f592373cc70db07f6804f945202f5f7baad31a8bbab89aaecb7b8b")]
    public void LaterAuxPowBlocks_ParseWithTheirHashesAndMerkleRoots(string file, string hash, string? coinbase)
    {
        var block = Read(file);

        Assert.Equal(hash, block.Hash.ToString());
        Assert.Equal(98, AuxPow.ChainIdOf(block.Header.Version));
        Assert.NotNull(block.AuxPow);
        if (coinbase is not null) Assert.Equal(coinbase, block.AuxPow.Coinbase.TxId.ToString());
        Assert.True(block.MerkleRootMatches);
    }

    [Fact]
    public void AuxPowBlock_ReadAsBitcoin_IsNotMisreadAsTransactions()
    {
        // Without the AuxPoW rule the parent coinbase would be taken for the block's transaction count.
        var bytes = File.ReadAllBytes(SharedData.ChainData("doge", "dogecoin_block371337.bin"));

        Assert.ThrowsAny<CairnException>(() => Block.Parse(bytes, Network.Main));
    }

    [Fact]
    public void OutputAddresses_AreDogecoinP2pkhAddresses_ThatDecodeBackToTheirScripts()
    {
        var block = Read("dogecoin_block250000.bin");
        var scripts = block.Transactions.SelectMany(t => t.Outputs).Select(o => o.ScriptPubKey).Where(s => ScriptClassifier.Classify(s) == ScriptType.P2PKH).ToList();

        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            var address = AddressCodec.FromScript(script, Network.DogecoinMain)!;
            Assert.StartsWith("D", address, StringComparison.Ordinal);
            Assert.Equal(script, AddressCodec.Decode(address, Network.DogecoinMain).ScriptPubKey);
        }
    }
}
