using System.Text.Json;

namespace Cairn.Chains.Bitcoin.Tests.Addresses;

/// <summary>Bitcoin Core's key_io vectors, the base58 vectors and the BIP341 wallet vectors.</summary>
public class AddressVectorTests
{
    [Fact]
    public void KeyIoValid_EveryAddressDecodesToItsScriptAndReencodes()
    {
        using var document = JsonDocument.Parse(TestData.Text("bitcoin-core", "src", "test", "data", "key_io_valid.json"));
        var addresses = 0;
        var privateKeysSkipped = 0;
        foreach (var vector in document.RootElement.EnumerateArray())
        {
            var text = vector[0].GetString()!;
            var expectedScript = vector[1].GetString()!;
            var metadata = vector[2];
            // WIF private keys are out of scope: Cairn never handles keys.
            if (metadata.GetProperty("isPrivkey").GetBoolean())
            {
                privateKeysSkipped++;
                continue;
            }
            var network = Network.Parse(metadata.GetProperty("chain").GetString()!);
            var decoded = AddressCodec.Decode(text, network);
            Assert.Equal(expectedScript, Convert.ToHexStringLower(decoded.ScriptPubKey));
            Assert.Same(network, decoded.Network);
            Assert.Contains(network, decoded.CompatibleNetworks);
            Assert.Equal(ScriptClassifier.Classify(decoded.ScriptPubKey), decoded.Type);
            Assert.Equal(text, AddressCodec.FromScript(decoded.ScriptPubKey, network));
            if (metadata.TryGetProperty("tryCaseFlip", out var flip) && flip.GetBoolean())
                Assert.Equal(expectedScript, Convert.ToHexStringLower(AddressCodec.Decode(text.ToUpperInvariant(), network).ScriptPubKey));
            addresses++;
        }
        Assert.True(addresses >= 35, $"only {addresses} address vectors");
        Assert.True(privateKeysSkipped > 0);
        Assert.Equal(70, addresses + privateKeysSkipped);
    }

    [Fact]
    public void KeyIoInvalid_EveryStringIsRejectedOnEveryNetwork()
    {
        using var document = JsonDocument.Parse(TestData.Text("bitcoin-core", "src", "test", "data", "key_io_invalid.json"));
        var count = 0;
        foreach (var vector in document.RootElement.EnumerateArray())
        {
            var text = vector[0].GetString()!;
            Assert.False(AddressCodec.TryDecode(text, null, out _), $"'{text}' was accepted");
            foreach (var network in Network.All)
                Assert.False(AddressCodec.TryDecode(text, network, out _), $"'{text}' was accepted on {network}");
            count++;
        }
        Assert.Equal(79, count);
    }

    [Fact]
    public void Base58Vectors_EncodeAndDecode()
    {
        using var document = JsonDocument.Parse(TestData.Text("bitcoin-core", "src", "test", "data", "base58_encode_decode.json"));
        var count = 0;
        foreach (var vector in document.RootElement.EnumerateArray())
        {
            var bytes = Convert.FromHexString(vector[0].GetString()!);
            var text = vector[1].GetString()!;
            Assert.Equal(text, Base58.Encode(bytes));
            Assert.Equal(bytes, Base58.Decode(text));
            count++;
        }
        Assert.Equal(21, count);
    }

    [Fact]
    public void Bip341WalletVectors_TaprootOutputKeysGiveTheirBip350Addresses()
    {
        using var document = JsonDocument.Parse(TestData.Text("nbitcoin", "bip-0341", "wallet-test-vectors.json"));
        var count = 0;
        foreach (var vector in document.RootElement.GetProperty("scriptPubKey").EnumerateArray())
        {
            var expected = vector.GetProperty("expected");
            var script = Convert.FromHexString(expected.GetProperty("scriptPubKey").GetString()!);
            var address = expected.GetProperty("bip350Address").GetString()!;
            Assert.Equal(ScriptType.P2TR, ScriptClassifier.Classify(script));
            Assert.Equal(address, AddressCodec.FromScript(script, Network.Main));
            Assert.Equal(script, AddressCodec.Decode(address, Network.Main).ScriptPubKey);
            var tweaked = vector.GetProperty("intermediary").GetProperty("tweakedPubkey").GetString()!;
            Assert.Equal(tweaked, Convert.ToHexStringLower(ScriptClassifier.GetPayload(script, ScriptType.P2TR)));
            count++;
        }
        Assert.Equal(7, count);
    }
}
