using Cairn.Core;
using Cairn.Core.Json;
using Cairn.Tracing.Heuristics;
using Cairn.Tracing.Heuristics.ErrorRates;
using Cairn.Workspace.Heuristics;

namespace Cairn.Workspace.Tests.Heuristics;

public sealed class HeuristicsServiceTests
{
    private readonly HeuristicsService _service = new();

    [Fact]
    public void Report_ListsEveryRuleWithTheMeasuredFigures()
    {
        var report = _service.Report();
        Assert.Equal(HeuristicCatalogue.Rules.Select(r => r.Id), report.Rules.Select(r => r.Rule));
        Assert.All(report.Rules, r => Assert.Equal(HeuristicFigures.Embedded.For(r.Rule), r.Measurements));
        Assert.Equal(HeuristicFigures.Embedded.MeasuredAt, report.MeasuredAt);
        Assert.Contains("bench/Cairn.Bench", report.Command, StringComparison.Ordinal);
        Assert.Equal(HeuristicFigures.Embedded.DataSets, report.DataSets);
    }

    [Fact]
    public void Report_OneRule_KeepsOnlyItAndTheDataSetsItWasMeasuredOn()
    {
        var report = _service.Report(" whirlpool ");
        var rule = Assert.Single(report.Rules);
        Assert.Equal("whirlpool", rule.Rule);
        Assert.Equal(HeuristicKind.CoinJoin, rule.Kind);
        Assert.Equal(rule.Measurements.Select(m => m.DataSet).Distinct().Order(StringComparer.Ordinal), report.DataSets.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Report_UnknownRule_IsAFieldErrorNamingTheKnownOnes()
    {
        var error = Assert.Throws<ValidationException>(() => _service.Report("magic"));
        Assert.Equal("rule", error.Field);
        Assert.Contains("multi_input", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_AsJson_SpeaksSnakeCaseWithEvidenceInWords()
    {
        var json = CairnJson.Serialize(_service.Report("multi_input"));
        Assert.Contains("\"measured_at\"", json, StringComparison.Ordinal);
        Assert.Contains("\"precision_interval\"", json, StringComparison.Ordinal);
        Assert.Contains("\"evidence\":\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"clustering\"", json, StringComparison.Ordinal);
    }
}
