using System.Text.Json;

namespace Cairn.Cli.Tests.Trace;

public sealed class TraceCommandTests
{
    private static readonly Lazy<(string Data, string Scenario)> Chain = new(() =>
    {
        var root = Path.Combine(Path.GetTempPath(), "cairn-trace-cli-" + Environment.ProcessId);
        var blocks = Path.Combine(root, "blocks");
        var data = Path.Combine(root, "data");
        Assert.Equal(0, CliRunner.Run("dev", "gen-btc", "--txs", "6000", "--seed", "3", "--out", blocks).ExitCode);
        Assert.Equal(0, CliRunner.Run("--data", data, "btc", "ingest", "--blocks", blocks, "--network", "regtest").ExitCode);
        return (data, Path.Combine(blocks, "scenario.json"));
    });

    private static JsonElement Scenario() => JsonDocument.Parse(File.ReadAllText(Chain.Value.Scenario)).RootElement;

    [Fact]
    public void Trace_Json_ConservesTheRansomAndNamesJurisdictions()
    {
        var ransom = Scenario().GetProperty("ransomware").GetProperty("ransom_address").GetString()!;
        var result = CliRunner.Run("--data", Chain.Value.Data, "--json", "trace", "--from", ransom, "--model", "haircut",
            "--through-coinjoin", "--max-hops", "12", "--scenario", Chain.Value.Scenario);
        Assert.True(result.ExitCode == 0, result.Error);
        var json = JsonDocument.Parse(result.Output).RootElement;
        var traced = long.Parse(json.GetProperty("traced_amount_sat").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var endpoints = json.GetProperty("endpoints").EnumerateArray()
            .Sum(e => long.Parse(e.GetProperty("amount_sat").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var fees = long.Parse(json.GetProperty("fees_sat").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(traced, endpoints + fees);
        Assert.Contains(json.GetProperty("endpoints").EnumerateArray(), e => e.GetProperty("reason").GetString() == "attributed");
        Assert.NotEmpty(json.GetProperty("jurisdictions").EnumerateArray());
    }

    [Fact]
    public void Trace_UnknownModel_ExitsOneWithOneLine()
    {
        var ransom = Scenario().GetProperty("ransomware").GetProperty("ransom_address").GetString()!;
        var result = CliRunner.Run("--data", Chain.Value.Data, "trace", "--from", ransom, "--model", "magic");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: --model 'magic' is not one of poison|haircut|fifo|lifo|tiho", result.Error.Trim());
    }

    [Fact]
    public void Trace_EthereumChain_SaysItIsNotWiredYet()
    {
        var result = CliRunner.Run("--data", Chain.Value.Data, "trace", "--chain", "eth", "--from", "0x00");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("only btc", result.Error);
    }
}
