using Cairn.Core;
using Cairn.Tracing.Heuristics;
using Cairn.Tracing.Heuristics.ErrorRates;

namespace Cairn.Tracing.Tests.Heuristics.ErrorRates;

public sealed class HeuristicFiguresTests
{
    [Fact]
    public void Embedded_CommittedFigures_MeasureEveryRuleOfTheCatalogue()
    {
        var figures = HeuristicFigures.Embedded;
        Assert.Equal(HeuristicFigures.FormatTag, figures.Format);
        foreach (var rule in HeuristicCatalogue.Rules)
            Assert.True(figures.For(rule.Id).Count > 0, $"no measurement of {rule.Id}");
        Assert.All(figures.Measurements, m => Assert.NotNull(HeuristicCatalogue.Find(m.Rule)));
    }

    [Fact]
    public void Embedded_CommittedFigures_HoldIndependentEvidenceBesideSelfConsistency()
    {
        var figures = HeuristicFigures.Embedded;
        Assert.Contains(figures.Measurements, m => m.Evidence == EvidenceKind.IndependentReal);
        Assert.Contains(figures.Measurements, m => m.Evidence == EvidenceKind.IndependentEmulated);
        Assert.Contains(figures.Measurements, m => m.Evidence == EvidenceKind.SelfConsistency);
        Assert.All(figures.DataSets.Where(d => d.Period != "generated"), d => Assert.NotEmpty(d.Sources));
        Assert.All(figures.DataSets.SelectMany(d => d.Sources), s => Assert.Matches("^[0-9a-f]{64}$", s.Sha256));
    }

    [Fact]
    public void Embedded_EveryFigure_FollowsFromItsCounts()
    {
        foreach (var m in HeuristicFigures.Embedded.Measurements)
        {
            var again = RuleMeasurement.From(m.Rule, m.DataSet, m.Evidence, m.Unit, m.TruePositives, m.FalsePositives, m.FalseNegatives, m.Note);
            Assert.Equal(again, m);
        }
    }

    [Fact]
    public void For_OrdersStrongestEvidenceFirst()
    {
        var figures = Figures(
            Measurement("whirlpool", "generated", EvidenceKind.SelfConsistency, 10, 0, 0),
            Measurement("whirlpool", "real", EvidenceKind.IndependentReal, 3, 1, 2));
        Assert.Equal(["real", "generated"], figures.For("whirlpool").Select(m => m.DataSet));
        Assert.Equal("real", figures.HeadlinePrecision("whirlpool")!.DataSet);
    }

    [Fact]
    public void HeadlinePrecision_SkipsDataSetsWithoutNegatives()
    {
        var figures = Figures(
            Measurement("wasabi1", "real", EvidenceKind.IndependentReal, 30, null, 5),
            Measurement("wasabi1", "generated", EvidenceKind.SelfConsistency, 10, 1, 0));
        var headline = figures.HeadlinePrecision("wasabi1")!;
        Assert.Equal("generated", headline.DataSet);
        Assert.Equal(10 / 11.0, headline.Precision!.Value, 6);
        Assert.Null(figures.HeadlinePrecision("joinmarket"));
    }

    [Fact]
    public void From_NoNegativesOrNoPositives_LeavesThatFigureUnmeasured()
    {
        var positivesOnly = Measurement("wasabi1", "real", EvidenceKind.IndependentReal, 30, null, 5);
        Assert.Null(positivesOnly.Precision);
        Assert.Null(positivesOnly.PrecisionInterval);
        Assert.Equal(30 / 35.0, positivesOnly.Recall!.Value, 6);
        var nothingFound = Measurement("joinmarket", "real", EvidenceKind.IndependentReal, 0, 0, null);
        Assert.Null(nothingFound.Precision);
        Assert.Equal(0, nothingFound.PrecisionSupport);
        Assert.Null(nothingFound.Recall);
    }

    [Fact]
    public void SerializeThenParse_GivesTheSameFigures()
    {
        var figures = Figures(Measurement("multi_input", "generated", EvidenceKind.SelfConsistency, 100, 2, 40));
        var again = HeuristicFigures.Parse(figures.Serialize());
        Assert.Equal(figures.Serialize(), again.Serialize());
        Assert.Contains("\"precision_interval\"", figures.Serialize(), StringComparison.Ordinal);
        Assert.Contains("\"self_consistency\"", figures.Serialize(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OtherFormat_IsRefusedWithItsTag()
    {
        var json = Figures().Serialize().Replace(HeuristicFigures.FormatTag, "cairn-heuristic-figures/9", StringComparison.Ordinal);
        var error = Assert.Throws<CairnException>(() => HeuristicFigures.Parse(json));
        Assert.Contains("cairn-heuristic-figures/9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MeasurementOfUnlistedDataSet_IsRefused()
    {
        var figures = Figures(Measurement("whirlpool", "generated", EvidenceKind.SelfConsistency, 1, 0, 0)) with { DataSets = [] };
        var error = Assert.Throws<CairnException>(() => HeuristicFigures.Parse(figures.Serialize()));
        Assert.Contains("'generated'", error.Message, StringComparison.Ordinal);
    }

    private static RuleMeasurement Measurement(string rule, string dataSet, EvidenceKind evidence, long tp, long? fp, long? fn) =>
        RuleMeasurement.From(rule, dataSet, evidence, "transactions", tp, fp, fn, "test");

    private static HeuristicFigures Figures(params RuleMeasurement[] measurements) => new()
    {
        Format = HeuristicFigures.FormatTag,
        MeasuredAt = "2026-01-01",
        Command = "test",
        DataSets = [.. measurements.Select(m => m.DataSet).Distinct().Select(id => new MeasuredDataSet { Id = id, Title = id, Period = "generated", Transactions = 1, Labels = "test" })],
        Measurements = measurements,
    };
}
