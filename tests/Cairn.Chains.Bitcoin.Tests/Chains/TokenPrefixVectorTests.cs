using System.Text.Json;
using Cairn.TestSupport;

namespace Cairn.Chains.Bitcoin.Tests.Chains;

/// <summary>
/// bitcoin-cash-node's CashTokens prefix vectors (CHIP-2022-02; tests/data/chains/bch): a valid prefix
/// is consumed whole, so the locking bytecode that follows decides the address; an invalid one is no
/// prefix, and the whole field is the locking bytecode.
/// </summary>
public class TokenPrefixVectorTests
{
    public static TheoryData<string> Valid() => Prefixes("token_tests_prefix_valid.json");

    public static TheoryData<string> Invalid() => Prefixes("token_tests_prefix_invalid.json");

    private static TheoryData<string> Prefixes(string file)
    {
        var data = new TheoryData<string>();
        using var document = JsonDocument.Parse(File.ReadAllText(SharedData.ChainData("bch", file)));
        foreach (var vector in document.RootElement.EnumerateArray()) data.Add(vector.GetProperty("prefix").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void ValidPrefix_BeforeAP2pkhScript_LeavesExactlyTheScript(string prefixHex)
    {
        byte[] script = [0x76, 0xa9, 0x14, .. new byte[20], 0x88, 0xac];
        byte[] field = [.. Convert.FromHexString(prefixHex), .. script];

        Assert.Equal(prefixHex.Length / 2, TokenPrefix.LengthOf(field));
        Assert.Equal(script, TokenPrefix.LockingBytecode(field).ToArray());
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidPrefix_IsNotTakenOff(string prefixHex)
    {
        var field = Convert.FromHexString(prefixHex);
        // Some invalid vectors are only invalid because they end early; a prefix must never reach past the field.
        Assert.True(TokenPrefix.LengthOf(field) == 0 || TokenPrefix.LengthOf(field) <= field.Length);
        if (TokenPrefix.LengthOf(field) != 0) Assert.Fail($"invalid prefix {prefixHex} was accepted");
    }
}
