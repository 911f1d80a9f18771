using System.Text.Json;
using Cairn.TestSupport;

namespace Cairn.Cli.Tests.Btc;

public class BtcBlockCommandTests
{
    private const string SegwitBlockHash = "000000000000000000000c835b2adcaedc20fdf6ee440009c249452c726dafae";

    [Fact]
    public void Block_RawSegwitBlockAsJson_ListsEveryTransactionWithAddresses()
    {
        var path = SharedData.PathOf("rust-bitcoin", "bitcoin", "tests", "data", $"mainnet_block_{SegwitBlockHash}.raw");
        var result = CliRunner.Run("btc", "block", path, "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(SegwitBlockHash, root.GetProperty("hash").GetString());
        Assert.True(root.GetProperty("merkle_root_matches").GetBoolean());
        Assert.Equal(2500, root.GetProperty("tx_count").GetInt32());
        var transactions = root.GetProperty("transactions");
        Assert.Equal(2500, transactions.GetArrayLength());
        Assert.True(transactions[0].GetProperty("coinbase").GetBoolean());
        var outputs = transactions.EnumerateArray().SelectMany(t => t.GetProperty("outputs").EnumerateArray()).ToList();
        // Amounts are exact satoshi strings; every output of a known type with an address has one.
        Assert.All(outputs, o => Assert.Equal(JsonValueKind.String, o.GetProperty("value_sat").ValueKind));
        Assert.Contains(outputs, o => o.GetProperty("script_type").GetString() == "p2wpkh" && o.GetProperty("address").GetString()!.StartsWith("bc1q", StringComparison.Ordinal));
        Assert.Contains(outputs, o => o.GetProperty("script_type").GetString() == "nulldata" && o.GetProperty("address").ValueKind == JsonValueKind.Null);
        var total = outputs.Sum(o => long.Parse(o.GetProperty("value_sat").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(total.ToString(System.Globalization.CultureInfo.InvariantCulture), root.GetProperty("total_output_sat").GetString());
        var spend = transactions[1].GetProperty("inputs")[0];
        Assert.Equal(64, spend.GetProperty("prevout_txid").GetString()!.Length);
    }

    [Fact]
    public void Block_HexTextFile_IsDetectedAndPrintedAsText()
    {
        var path = SharedData.PathOf("rust-bitcoin", "p2p", "tests", "data", "block_13b8a.hex");
        var result = CliRunner.Run("btc", "block", path);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0000000000013b8ab2cd", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"merkle check\s+matches", result.Output);
        Assert.Contains("p2pkh", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Block_TestnetBlockWithTestnetNetwork_RendersTestnetAddresses()
    {
        var path = SharedData.PathOf("rust-bitcoin", "bitcoin", "tests", "data", "testnet_block_000000000000045e0b1660b6445b5e5c5ab63c9a4f956be7e1e69be04fa4497b.raw");
        var result = CliRunner.Run("btc", "block", path, "--network", "test", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var addresses = json.RootElement.GetProperty("transactions").EnumerateArray()
            .SelectMany(t => t.GetProperty("outputs").EnumerateArray())
            .Select(o => o.GetProperty("address").GetString()).OfType<string>().ToList();
        Assert.NotEmpty(addresses);
        Assert.All(addresses, a => Assert.True(a[0] is 'm' or 'n' or '2' || a.StartsWith("tb1", StringComparison.Ordinal), a));
    }

    [Fact]
    public void Block_TruncatedFile_ExitsOneWithOneLineNamingTheOffset()
    {
        var source = SharedData.PathOf("rust-bitcoin", "bitcoin", "tests", "data", $"mainnet_block_{SegwitBlockHash}.raw");
        var path = Path.Combine(Path.GetTempPath(), $"cairn-truncated-{Guid.NewGuid():N}.raw");
        File.WriteAllBytes(path, File.ReadAllBytes(source)[..^5000]);
        try
        {
            var result = CliRunner.Run("btc", "block", path);
            Assert.Equal(1, result.ExitCode);
            Assert.Matches(@"^error: truncated transaction \d+ at byte \d+: .* in '.*'$", result.Error.Trim());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Block_MissingFile_ExitsOne()
    {
        var result = CliRunner.Run("btc", "block", "/nonexistent/block.raw");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: block file '/nonexistent/block.raw' does not exist", result.Error.Trim());
    }
}
