using Cairn.Development.Validation;
using Cairn.Tracing.Heuristics.ErrorRates;
using Cairn.TestSupport;

namespace Cairn.Development.Tests.Validation;

/// <summary>
/// The committed figures are measured, not typed: the small chain the bench suite measures beside
/// the large one (seed 11, 5,000 transactions) is generated and measured again here and must give
/// exactly the committed figures file; and docs/heuristics.md shows exactly the committed figures.
/// </summary>
public sealed class HeuristicFiguresReproducibilityTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string DataFile(string name) => Path.Combine(SharedData.RepositoryRoot, "data", "heuristics", name);

    [Fact]
    public void SmallChainFigures_MeasuredAgain_AreTheCommittedOnes()
    {
        var committed = HeuristicFigures.Parse(File.ReadAllText(DataFile("figures-seed11-5000.json")));
        var (dataSet, measurements) = HeuristicsMeasurement.MeasureGenerated(5_000, 11, Path.Combine(_temp.Path, "chain"));
        var again = HeuristicsMeasurement.Assemble([dataSet], measurements, committed.MeasuredAt, committed.Command, committed.CodeCommit);
        Assert.Equal(committed.Serialize(), again.Serialize());
    }

    [Fact]
    public void LargeChainFigures_SameMeasurementCodeAsTheSmallOne_CoverEveryRuleTheSmallOneDoes()
    {
        var large = HeuristicFigures.Parse(File.ReadAllText(DataFile("figures.json")));
        var small = HeuristicFigures.Parse(File.ReadAllText(DataFile("figures-seed11-5000.json")));
        var generated = Assert.Single(large.DataSets, d => d.Period == "generated");
        Assert.Equal(small.Measurements.Select(m => (m.Rule, m.Evidence, m.Unit)), large.Measurements.Where(m => m.DataSet == generated.Id).Select(m => (m.Rule, m.Evidence, m.Unit)));
        Assert.Equal(large.Serialize(), HeuristicFigures.Embedded.Serialize());
    }

    [Fact]
    public void DocsPage_ShowsExactlyTheCommittedFigures()
    {
        var page = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "heuristics.md"));
        Assert.Equal(HeuristicFiguresMarkdown.Render(HeuristicFigures.Embedded), HeuristicFiguresMarkdown.SectionOf(page));
    }
}
