using Cairn.Core;

namespace Cairn.Chains.Bitcoin.Tests.Addresses;

public class AddressCodecTests
{
    [Fact]
    public void Decode_BadBase58Checksum_ThrowsNamingTheAddress()
    {
        // Satoshi's genesis address with its last character changed.
        var ex = Assert.Throws<CairnException>(() => AddressCodec.Decode("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb"));
        Assert.Equal("malformed address '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb': bad checksum", ex.Message);
    }

    [Fact]
    public void Decode_ATextLongerThanAnyAddress_IsRefusedByItsLength_BeforeTheQuadraticBase58Decoder()
    {
        // 90,000 valid Base58 characters: decoded, they held a fuzzing thread for over 30 s.
        var page = new string('x', 90_000);

        var ex = Assert.Throws<CairnException>(() => AddressCodec.Decode(page));

        Assert.Contains("90000 characters, longer than any address format (128)", ex.Message, StringComparison.Ordinal);
        Assert.False(Base58.TryDecode(page, out _));
    }

    [Fact]
    public void Base58_DecodesAnExtendedKeyLengthText_ButNotBeyondItsBound()
    {
        // BIP 32 test vector 1, chain m: the longest Base58 strings in use (111 characters).
        const string xpub = "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8";
        Assert.Equal(82, Base58.Decode(xpub).Length);

        var ex = Assert.Throws<CairnException>(() => Base58.Decode(new string('2', Base58.MaxTextLength + 1)));
        Assert.Contains("longer than any key or address", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Bech32mChecksumOnVersion0_IsRejected()
    {
        // BIP350 invalid vector: version 0 program with a bech32m checksum.
        var ok = AddressCodec.TryDecode("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh", null, out _, out var error);
        Assert.False(ok);
        Assert.Contains("needs Bech32 checksum", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_MainnetAddressExpectedOnTestnet_IsRejected()
    {
        var ex = Assert.Throws<CairnException>(() => AddressCodec.Decode("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", Network.Test));
        Assert.Contains("not for network test", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TestnetFamilyWithoutExpectedNetwork_ListsEveryCompatibleNetwork()
    {
        var decoded = AddressCodec.Decode("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx");
        Assert.Same(Network.Test, decoded.Network);
        Assert.Equal([Network.Test, Network.TestNet4, Network.Signet], decoded.CompatibleNetworks);
        Assert.Equal(ScriptType.P2WPKH, decoded.Type);
        Assert.Equal(0, decoded.WitnessVersion);
    }

    [Fact]
    public void FromScript_GenesisCoinbaseP2PK_HasNoAddress()
    {
        var script = Convert.FromHexString("4104678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5fac");
        Assert.Equal(ScriptType.P2PK, ScriptClassifier.Classify(script));
        Assert.Null(AddressCodec.FromScript(script, Network.Main));
    }

    [Fact]
    public void TryFormat_WritesTheSameAddressAsFromScript()
    {
        var script = AddressCodec.Decode("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa").ScriptPubKey;
        Span<char> buffer = stackalloc char[AddressCodec.MaxAddressLength];
        Assert.True(AddressCodec.TryFormat(script, Network.Main, buffer, out var written));
        Assert.Equal("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", buffer[..written].ToString());
    }
}
