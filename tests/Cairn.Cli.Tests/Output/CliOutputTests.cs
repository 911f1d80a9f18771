using System.Text.Json;
using Cairn.Cli.Tests.Cases;
using Cairn.Cli.Tests.Trace;

namespace Cairn.Cli.Tests.Output;

/// <summary>What the CLI prints when its output is not a terminal: plain text, whole lines, readable UTF-8 JSON, amounts as strings, each chain's own fields.</summary>
public sealed class CliOutputTests
{
    [Fact]
    public void Table_OutputNotATerminal_HasNoEscapeCodes_AndIsNotWrapped()
    {
        using var data = new TempDataDirectory();
        var title = "Ransomware payment traced through a CoinJoin and a peel chain to three exchanges in three countries";
        Assert.Equal(0, data.Run("case", "create", "--reference", "C-LONG-1", "--title", title, "--offence", "ransomware").ExitCode);

        var list = data.Run("case", "list");

        Assert.Equal(0, list.ExitCode);
        Assert.DoesNotContain('\u001b', list.Output);
        Assert.Contains(list.Output.Split('\n'), line => line.Contains(title, StringComparison.Ordinal));
    }

    [Fact]
    public void Json_NonAsciiText_IsWrittenAsItIs()
    {
        using var data = new TempDataDirectory();
        var created = data.Run("case", "create", "--reference", "C-FR-1", "--title", "Rançongiciel « Zürich » — 勒索", "--offence", "other", "--offence-detail", "extorsion « numérique »", "--json");

        Assert.Equal(0, created.ExitCode);
        Assert.Contains("Rançongiciel « Zürich » — 勒索", created.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00", created.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TraceJson_BitcoinRequest_HasMinAmountSatAsAString_AndNoEthereumFields()
    {
        var ransom = GeneratedChainData.ScenarioJson().GetProperty("ransomware").GetProperty("ransom_address").GetString()!;

        var result = CliRunner.Run("--data", GeneratedChainData.Data, "--json", "trace", "--from", ransom, "--max-hops", "2", "--min-amount", "1000", "--no-intel");

        Assert.True(result.ExitCode == 0, result.Error);
        var request = JsonDocument.Parse(result.Output).RootElement.GetProperty("request");
        Assert.Equal(JsonValueKind.String, request.GetProperty("min_amount_sat").ValueKind);
        Assert.Equal("1000", request.GetProperty("min_amount_sat").GetString());
        Assert.False(request.TryGetProperty("asset", out _));
        Assert.False(request.TryGetProperty("min_amount", out _));
        Assert.Equal("btc", JsonDocument.Parse(result.Output).RootElement.GetProperty("chain").GetString());
    }

    [Fact]
    public void FieldError_SpelledDifferentlyFromItsOption_NamesTheOption()
    {
        var ransom = GeneratedChainData.ScenarioJson().GetProperty("ransomware").GetProperty("ransom_address").GetString()!;

        var result = CliRunner.Run("--data", GeneratedChainData.Data, "trace", "--from", ransom, "--max-hops", "500");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: --max-hops 500 is out of range 1–100", result.Error.Trim());
    }
}
