using System.Text.Json;
using Cairn.Intel.Addresses;
using Cairn.TestSupport;

namespace Cairn.Intel.Tests.Addresses;

public class AddressNormalizerTests
{
    private static readonly AddressNormalizer Normalizer = AddressNormalizer.Default;

    /// <summary>Bitcoin Core's key_io_valid.json: every mainnet address must normalise as Bitcoin.</summary>
    public static TheoryData<string> MainnetAddresses()
    {
        var data = new TheoryData<string>();
        using var document = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("bitcoin-core", "src", "test", "data", "key_io_valid.json")));
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            var metadata = entry[2];
            if (metadata.GetProperty("chain").GetString() == "main" && !metadata.GetProperty("isPrivkey").GetBoolean())
                data.Add(entry[0].GetString()!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(MainnetAddresses))]
    public void TryNormalize_BitcoinCoreValidMainnetAddress_IsBitcoin(string address)
    {
        Assert.True(Normalizer.TryNormalize("BTC", address, out var normalized, out var error), error);
        Assert.Equal(AddressFamily.Bitcoin, normalized.Family);
        Assert.Equal(address.StartsWith("bc1", StringComparison.OrdinalIgnoreCase) ? address.ToLowerInvariant() : address, normalized.Key);
    }

    [Fact]
    public void TryNormalize_BitcoinCoreInvalidStrings_AreNeverBitcoin()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("bitcoin-core", "src", "test", "data", "key_io_invalid.json")));
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            var text = entry[0].GetString()!;
            if (text.Length == 0) continue;
            var ok = Normalizer.TryNormalize("BTC", text, out var normalized, out _);
            Assert.False(ok, $"'{text}' accepted as {normalized.Family}");
        }
    }

    [Fact]
    public void TryNormalize_UpperCaseBech32_IsTheSameKeyAsLowerCase()
    {
        const string address = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";
        Assert.True(Normalizer.TryNormalize("BTC", address.ToUpperInvariant(), out var upper, out _));
        Assert.True(Normalizer.TryNormalize("BTC", address, out var lower, out _));
        Assert.Equal(lower, upper);
    }

    [Fact]
    public void TryNormalize_MixedCaseBech32_IsMalformed()
    {
        Assert.False(Normalizer.TryNormalize("BTC", "bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", out _, out var error));
        Assert.Contains("mixed case", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryNormalize_Eip55ChecksummedOfacAddress_IsLowerCaseEthereum()
    {
        const string address = "0x175d44451403Edf28469dF03A9280c1197ADb92c"; // OFAC USDT list, EIP-55 mixed case
        Assert.True(Normalizer.TryNormalize("ETH", address, out var normalized, out var error), error);
        Assert.Equal(new NormalizedAddress(AddressFamily.Ethereum, address.ToLowerInvariant()), normalized);
    }

    [Fact]
    public void TryNormalize_Eip55ChecksumWithOneLetterFlipped_IsMalformed()
    {
        const string flipped = "0x175d44451403edf28469dF03A9280c1197ADb92c"; // 'E' → 'e'
        Assert.False(Normalizer.TryNormalize("ETH", flipped, out _, out var error));
        Assert.Contains("EIP-55", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryNormalize_AllLowerOrAllUpperHex_CarriesNoChecksumAndIsAccepted()
    {
        Assert.True(Normalizer.TryNormalize("ETH", "0x19aa5fe80d33a56d56c78e82ea5e50e5d80b4dff", out _, out _));
        Assert.True(Normalizer.TryNormalize("ETH", "0x19AA5FE80D33A56D56C78E82EA5E50E5D80B4DFF", out var upper, out _));
        Assert.Equal("0x19aa5fe80d33a56d56c78e82ea5e50e5d80b4dff", upper.Key);
    }

    [Theory]
    [InlineData("ETH", "0x123")]
    [InlineData("ETH", "1Archive1n2C579dMsAu3iC6tWzuQJz8dN")]
    [InlineData("BTC", "TUCsTq7TofTCJRRoHk6RvhMoS2mJLm5Yzq")]
    [InlineData("BTC", "1MFgcyJ7ZNSknbTBRaih6zWDE6V1A64tRYs")]
    [InlineData("BTC", "")]
    public void TryNormalize_WrongShapeForTheCurrency_IsMalformed(string currency, string address) =>
        Assert.False(Normalizer.TryNormalize(currency, address, out _, out _));

    [Theory]
    [InlineData("LTC", "LaizKtS5DUhPuP1nTQcc83MS7HwK6vk85z")]
    [InlineData("TRX", "TEAqwfMhXLaomXhZ8KeMhx3njGmQEDnsUR")]
    [InlineData("XMR", "49HqitRzdnhYjgTEAhgGpCfsjdTeMbUTU6cyR4JV1R7k2Eej9rGT8JpFiYDa4tZM6RZiFrHmMzgSrhHEqpDYKBe5B2ufNsL")]
    public void TryNormalize_OtherChains_AreKeptAsWritten(string currency, string address)
    {
        Assert.True(Normalizer.TryNormalize(currency, " " + address + " ", out var normalized, out _));
        Assert.Equal(new NormalizedAddress(AddressFamily.Other, address), normalized);
    }

    [Fact]
    public void TryNormalize_UsdtOnOmni_IsMatchedAsBitcoin()
    {
        Assert.True(Normalizer.TryNormalize("USDT", "16iWn2J1McqjToYLHSsAyS6En3QA8YQ91H", out var normalized, out _));
        Assert.Equal(AddressFamily.Bitcoin, normalized.Family);
    }

    [Fact]
    public void TryNormalize_Bech32WithAnyCasePattern_IsOneKeyWhenUniformAndMalformedWhenMixed()
    {
        const string address = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";
        var property = FsCheck.Fluent.Prop.ForAll(
            FsCheck.Fluent.ArbMap.Default.ArbFor<bool[]>(),
            flips =>
            {
                var chars = address.ToCharArray();
                for (var i = 0; i < chars.Length && i < flips.Length; i++)
                    if (flips[i]) chars[i] = char.ToUpperInvariant(chars[i]);
                var text = new string(chars);
                var uniform = text == address || text == address.ToUpperInvariant() || !text.Any(char.IsAsciiLetterUpper);
                var ok = Normalizer.TryNormalize("BTC", text, out var normalized, out _);
                return uniform ? ok && normalized.Key == address : !ok;
            });
        FsCheck.Check.QuickThrowOnFailure(property);
    }
}
