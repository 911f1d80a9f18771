using System.Text.Json;

namespace Cairn.Cli.Tests.Btc;

public class BtcDecodeAddressCommandTests
{
    [Fact]
    public void DecodeAddress_TaprootAsJson_GivesTypeNetworkAndScript()
    {
        // BIP341 wallet vector 0.
        var result = CliRunner.Run("btc", "decode-address", "bc1p2wsldez5mud2yam29q22wgfh9439spgduvct83k3pm50fcxa5dps59h4z5", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.True(root.GetProperty("valid").GetBoolean());
        Assert.Equal("p2tr", root.GetProperty("type").GetString());
        Assert.Equal("main", root.GetProperty("network").GetString());
        Assert.Equal("512053a1f6e454df1aa2776a2814a721372d6258050de330b3c6d10ee8f4e0dda343", root.GetProperty("script_hex").GetString());
    }

    [Fact]
    public void DecodeAddress_Base58AsTable_ShowsTheScript()
    {
        // key_io_valid.json vector 0.
        var result = CliRunner.Run("btc", "decode-address", "1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mo");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("p2pkh", result.Output, StringComparison.Ordinal);
        Assert.Contains("76a914a31c06bd463e3923bc1aadbde48b16976c08071788ac", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeAddress_BadChecksum_ExitsOneWithOneLine()
    {
        var result = CliRunner.Run("btc", "decode-address", "1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mp");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: malformed address '1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mp': bad checksum", result.Error.Trim());
        Assert.Equal("", result.Output);
    }

    [Fact]
    public void DecodeAddress_WrongExpectedNetwork_ExitsOne()
    {
        var result = CliRunner.Run("btc", "decode-address", "1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mo", "--network", "regtest");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not for network regtest", result.Error, StringComparison.Ordinal);
    }
}
