using System.Text.Json;
using Cairn.TestSupport;

namespace Cairn.Chains.Bitcoin.Tests.Chains;

/// <summary>
/// bitcoin-cash-node's cashaddr_token_types.json (tests/data/chains/bch): the CashAddr specification's
/// vectors for every hash size and prefix, with CHIP-2022-02's token-aware types; each known type must
/// encode to the listed string and decode back, and unknown types (15) must be refused.
/// </summary>
public class CashAddrVectorTests
{
    public static TheoryData<string, int, string> Vectors()
    {
        var data = new TheoryData<string, int, string>();
        using var document = JsonDocument.Parse(File.ReadAllText(SharedData.ChainData("bch", "cashaddr_token_types.json")));
        foreach (var vector in document.RootElement.EnumerateArray())
            data.Add(vector.GetProperty("cashaddr").GetString()!, vector.GetProperty("type").GetInt32(), vector.GetProperty("payload").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Vector_EncodesAndDecodesAsTheSpecificationSays(string cashAddr, int type, string payloadHex)
    {
        var prefix = cashAddr[..cashAddr.IndexOf(':', StringComparison.Ordinal)];
        var payload = Convert.FromHexString(payloadHex);

        var decoded = CashAddr.TryDecode(cashAddr, prefix, out var kind, out var hash, out var error);

        if (type > 3)
        {
            Assert.False(decoded);
            Assert.Contains("unknown address type", error, StringComparison.Ordinal);
            return;
        }
        Assert.True(decoded, error);
        Assert.Equal((CashAddrKind)type, kind);
        Assert.Equal(payload, hash);
        Assert.Equal(cashAddr, CashAddr.Encode(prefix, (CashAddrKind)type, payload));
        Assert.True(CashAddr.TryDecode(cashAddr.ToUpperInvariant(), prefix, out _, out _, out _));
    }

    [Theory]
    [InlineData("bitcoincash:qr6m7j9njldwwzlg9v7v53unlr4jkmx6eylep8ekg3", "bad checksum")]
    [InlineData("bchtest:qr6m7j9njldwwzlg9v7v53unlr4jkmx6eylep8ekg2", "prefix 'bchtest' is not 'bitcoincash'")]
    [InlineData("bitcoincash:qR6m7j9njldwwzlg9v7v53unlr4jkmx6eylep8ekg2", "mixed case")]
    [InlineData("bitcoincash:qr6m7j9njldwwzlg9v7v53unlr4jkmx6eylep8ekb2", "invalid character 'b'")]
    public void DamagedAddress_IsRefusedWithTheReason(string text, string reason)
    {
        Assert.False(CashAddr.TryDecode(text, "bitcoincash", out _, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
