using System.Text.Json;
using Cairn.Tracing.Heuristics;
using Cairn.Tracing.Heuristics.ErrorRates;

namespace Cairn.Cli.Tests.Trace;

public sealed class HeuristicsCommandTests
{
    [Fact]
    public void HeuristicsReport_Json_PrintsEveryRuleAsMeasured()
    {
        var result = CliRunner.Run("heuristics", "report", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(HeuristicFigures.FormatTag, root.GetProperty("format").GetString());
        Assert.Equal(HeuristicFigures.Embedded.Command, root.GetProperty("command").GetString());
        var rules = root.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(HeuristicCatalogue.Rules.Count, rules.Count);
        var measurement = rules.SelectMany(r => r.GetProperty("measurements").EnumerateArray()).First(m => m.GetProperty("precision").ValueKind == JsonValueKind.Number);
        Assert.Equal(JsonValueKind.Object, measurement.GetProperty("precision_interval").ValueKind);
        Assert.Equal(JsonValueKind.Number, measurement.GetProperty("precision_support").ValueKind);
    }

    [Fact]
    public void HeuristicsReport_Text_ShowsTheTableAndHowToReproduce()
    {
        var result = CliRunner.Run("heuristics", "report", "--rule", "address_reuse");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("reproduce: ", result.Output, StringComparison.Ordinal);
        Assert.Contains("address_reuse", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("whirlpool", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void HeuristicsReport_UnknownRule_IsOneLineAndExitCode1()
    {
        var result = CliRunner.Run("heuristics", "report", "--rule", "magic");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: unknown heuristic rule 'magic'", result.Error.Trim(), StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
    }
}
