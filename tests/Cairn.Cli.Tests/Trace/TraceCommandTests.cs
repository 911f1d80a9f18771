using System.Globalization;
using System.Text.Json;

namespace Cairn.Cli.Tests.Trace;

public sealed class TraceCommandTests
{
    private static string Ransom() => GeneratedChainData.ScenarioJson().GetProperty("ransomware").GetProperty("ransom_address").GetString()!;

    private static long Sat(JsonElement element, string property) => long.Parse(element.GetProperty(property).GetString()!, CultureInfo.InvariantCulture);

    [Fact]
    public void Trace_Json_ConservesTheRansomAndNamesJurisdictions()
    {
        var result = CliRunner.Run("--data", GeneratedChainData.Data, "--json", "trace", "--from", Ransom(), "--model", "haircut",
            "--through-coinjoin", "--max-hops", "12", "--scenario", GeneratedChainData.ScenarioPath);
        Assert.True(result.ExitCode == 0, result.Error);
        var json = JsonDocument.Parse(result.Output).RootElement;
        var endpoints = json.GetProperty("endpoints").EnumerateArray().Sum(e => Sat(e, "amount_sat"));
        Assert.Equal(Sat(json, "traced_amount_sat"), endpoints + Sat(json, "fees_sat"));
        Assert.Contains(json.GetProperty("endpoints").EnumerateArray(), e => e.GetProperty("reason").GetString() == "attributed");
        Assert.NotEmpty(json.GetProperty("jurisdictions").EnumerateArray());
    }

    [Fact]
    public void Trace_UnknownModel_ExitsOneWithOneLine()
    {
        var result = CliRunner.Run("--data", GeneratedChainData.Data, "trace", "--from", Ransom(), "--model", "magic");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: model 'magic' is not one of poison|haircut|fifo|lifo|tiho", result.Error.Trim());
    }

    [Fact]
    public void Trace_UnknownFiatCurrency_ExitsOneNamingTheFiatOption()
    {
        var result = CliRunner.Run("--data", GeneratedChainData.Data, "trace", "--from", Ransom(), "--fiat", "XYZ");
        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.StartsWith("error: --fiat 'XYZ' is not one of ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("currency", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Trace_EthereumChainWithoutAnEthereumIndex_SaysHowToBuildOne()
    {
        var result = CliRunner.Run("--data", GeneratedChainData.Data, "trace", "--chain", "eth", "--from", "0x0000000000000000000000000000000000000001");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no Ethereum index", result.Error);
        Assert.Contains("cairn eth ingest", result.Error);
    }

    [Fact]
    public void Trace_UnknownChain_ExitsOneNamingIt()
    {
        var result = CliRunner.Run("--data", GeneratedChainData.Data, "trace", "--chain", "xmr", "--from", Ransom());
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: chain 'xmr' is not one of btc, ltc, bch, doge, eth, bsc, polygon, arbitrum, base, trx", result.Error.Trim());
    }
}
