using Cairn.Core;
using Cairn.TestSupport;

namespace Cairn.Chains.Bitcoin.Tests.Chains;

/// <summary>
/// Addresses of the other UTXO chains decode only for their chain: Litecoin's L/M/3 and ltc1 forms
/// (OFAC's Litecoin list: real addresses), Dogecoin's D, Bitcoin Cash's CashAddr and legacy forms;
/// decoding without a network keeps Bitcoin's behaviour.
/// </summary>
public class OtherChainAddressTests
{
    [Fact]
    public void OfacLitecoinAddresses_AllDecodeOnLitecoinMainnet()
    {
        var addresses = File.ReadAllLines(SharedData.PathOf("ofac-sanctioned-digital-currency-addresses", "sanctioned_addresses_LTC.txt")).Where(l => l.Length > 0).ToList();

        Assert.NotEmpty(addresses);
        foreach (var address in addresses)
        {
            var decoded = AddressCodec.Decode(address, Network.LitecoinMain);
            Assert.Equal(address, AddressCodec.FromScript(decoded.ScriptPubKey, Network.LitecoinMain));
        }
    }

    [Fact]
    public void LitecoinLegacyP2shPrefix_IsReadAndWrittenAsTheMForm()
    {
        byte[] script = [0xa9, 0x14, .. Enumerable.Range(1, 20).Select(i => (byte)i), 0x87];
        var bitcoinForm = AddressCodec.FromScript(script, Network.Main)!;

        var decoded = AddressCodec.Decode(bitcoinForm, Network.LitecoinMain);

        Assert.Equal(script, decoded.ScriptPubKey);
        Assert.StartsWith("M", AddressCodec.FromScript(script, Network.LitecoinMain), StringComparison.Ordinal);
    }

    [Fact]
    public void LitecoinSegwitAddress_UsesItsOwnHrp()
    {
        byte[] script = [0x00, 0x14, .. Enumerable.Range(1, 20).Select(i => (byte)i)];
        var address = AddressCodec.FromScript(script, Network.LitecoinMain)!;

        Assert.StartsWith("ltc1q", address, StringComparison.Ordinal);
        Assert.Equal(script, AddressCodec.Decode(address, Network.LitecoinMain).ScriptPubKey);
        Assert.Throws<CairnException>(() => AddressCodec.Decode(address, Network.Main));
    }

    [Fact]
    public void DogecoinAndBitcoinCash_HaveNoSegwitAddresses()
    {
        byte[] script = [0x00, 0x14, .. new byte[20]];

        Assert.Null(AddressCodec.FromScript(script, Network.DogecoinMain));
        Assert.Null(AddressCodec.FromScript(script, Network.BitcoinCashMain));
    }

    [Fact]
    public void WithoutANetwork_ALitecoinAddressIsNotTakenForBitcoin()
    {
        Assert.False(AddressCodec.TryDecode("LNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfb", null, out _, out var error));
        Assert.Contains("unknown version byte 0x30", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("main", "ltc", "ltc-main")]
    [InlineData("testnet4", "ltc", "ltc-testnet4")]
    [InlineData("main", "doge", "doge-main")]
    [InlineData("regtest", "btc", "regtest")]
    public void NetworkNames_AreParsedPerChain(string name, string chain, string expected) =>
        Assert.Equal(expected, Network.Parse(name, chain).Name);

    [Fact]
    public void UnknownNetworkOfAChain_NamesTheChoices()
    {
        var error = Assert.Throws<CairnException>(() => Network.Parse("signet", "ltc"));
        Assert.Equal("unknown network 'signet' for chain ltc: expected main or testnet4", error.Message);
    }
}
