using System.Text.Json;
using Cairn.Chains.Bitcoin;
using Cairn.Intel.Import;
using Cairn.Intel.Screening;
using Cairn.TestSupport;
using FsCheck;
using FsCheck.Fluent;

namespace Cairn.Intel.Tests.Screening;

/// <summary>The stack-only miss check must accept exactly what Cairn.Chains.Bitcoin's codec accepts for mainnet.</summary>
public sealed class MainnetAddressCheckTests
{
    private static readonly Lazy<string[]> RealAddresses = new(() =>
        new[] { "demo.yaml", "Alt-Right.yaml", "binance_hack.yaml", "exchange-wallets-bitmex_0.yaml", "aft-alqaeda-forfeit_vc.yaml" }
            .SelectMany(p => TagPackReader.Default.ReadFile(SharedData.TagPack(p)).Content!.Tags)
            .Select(t => t.Identifier).Where(a => !a.StartsWith("0x", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToArray());

    private static bool Codec(string address) => AddressCodec.TryDecode(address, Network.Main, out _);

    public static TheoryData<string> Base58Vectors()
    {
        var data = new TheoryData<string>();
        foreach (var file in new[] { "base58_keys_valid.json", "base58_keys_invalid.json" })
            foreach (var entry in JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("nbitcoin", file))).RootElement.EnumerateArray())
                data.Add(entry[0].GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Base58Vectors))]
    public void IsValid_NBitcoinBase58Vectors_AgreesWithTheCodec(string address) =>
        Assert.Equal(Codec(address), MainnetAddressCheck.IsValid(address));

    [Theory]
    [InlineData("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4")] // BIP-173 valid, upper case
    [InlineData("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")]
    [InlineData("bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y")] // BIP-350 valid v1
    [InlineData("bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs")] // BIP-350 valid v2
    [InlineData("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh")] // BIP-350: v0 with bech32m checksum
    [InlineData("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd")] // BIP-350: v1 with bech32 checksum
    [InlineData("bc1gmk9yu")] // BIP-350: empty data
    [InlineData("bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")] // mixed case
    [InlineData("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx")] // testnet
    [InlineData("bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du")] // BIP-173: invalid padding
    public void IsValid_Bip173And350Vectors_AgreesWithTheCodec(string address) =>
        Assert.Equal(Codec(address), MainnetAddressCheck.IsValid(address));

    [Fact]
    public void IsValid_RealAddresses_AllAgreeWithTheCodec()
    {
        Assert.True(RealAddresses.Value.Length > 1000);
        Assert.Contains(RealAddresses.Value, a => a.StartsWith("bc1", StringComparison.Ordinal));
        foreach (var address in RealAddresses.Value) Assert.True(Codec(address) == MainnetAddressCheck.IsValid(address), address);
    }

    [Fact]
    public void IsValid_MutatedRealAddresses_AgreeWithTheCodec()
    {
        const string replacements = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1Il0O ";
        var property = Prop.ForAll((int pick, int position, int replacement) =>
        {
            var original = RealAddresses.Value[(int)((uint)pick % RealAddresses.Value.Length)];
            var chars = original.ToCharArray();
            var at = (int)((uint)position % chars.Length);
            chars[at] = replacement < 0 && char.IsAsciiLetter(chars[at]) ? (char)(chars[at] ^ 0x20) : replacements[(int)((uint)replacement % replacements.Length)];
            var mutated = new string(chars);
            return Codec(mutated) == MainnetAddressCheck.IsValid(mutated);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3000), property);
    }

    [Fact]
    public void Match_ValidUnlistedAddresses_AllocateNothing()
    {
        var index = ScreeningIndexBuilder.Build([], [], []);
        var misses = RealAddresses.Value.Where(Codec).Take(300).ToArray();
        foreach (var address in misses) index.Match(address, null, out _, out _); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        var noHits = 0;
        for (var round = 0; round < 5; round++)
            foreach (var address in misses)
                if (index.Match(address, null, out _, out _) == ScreeningStatus.NoHit) noHits++;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(misses.Length * 5, noHits);
        Assert.Equal(0, allocated);
    }
}
