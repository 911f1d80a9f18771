using Cairn.Intel.Taxonomy;
using Cairn.TestSupport;

namespace Cairn.Intel.Tests.Taxonomy;

public class IntelTaxonomyTests
{
    private static readonly IntelTaxonomy Taxonomy = IntelTaxonomy.GraphSense;

    [Fact]
    public void Confidences_MatchEveryRowOfTheGraphSenseFile()
    {
        var rows = File.ReadAllLines(SharedData.PathOf("graphsense-lib", "tagpack", "db", "confidence.csv")).Skip(1).Where(l => l.Length > 0).ToList();
        Assert.Equal(rows.Count, Taxonomy.Confidences.Count);
        foreach (var row in rows)
        {
            var id = row[..row.IndexOf(',', StringComparison.Ordinal)];
            var level = int.Parse(row[(row.LastIndexOf(',') + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(level, Taxonomy.LevelOf(id));
        }
    }

    [Theory]
    [InlineData("ownership", 100)]
    [InlineData("authority_data", 60)]
    [InlineData("heuristic", 10)]
    public void LevelOf_KnownConfidence_IsItsGraphSenseLevel(string id, int level) => Assert.Equal(level, Taxonomy.LevelOf(id));

    [Fact]
    public void LevelOf_UnknownConfidence_IsNull() => Assert.Null(Taxonomy.LevelOf("hearsay"));

    [Theory]
    [InlineData("exchange")]
    [InlineData("mixing_service")]
    [InlineData("defi_bridge")]
    [InlineData("ransomware")]
    [InlineData("sanction")]
    [InlineData("scam")]
    public void Concepts_IncludeTheCategoriesAndAbusesTheIssueNames(string id) => Assert.True(Taxonomy.IsConcept(id));

    [Fact]
    public void Concepts_AreEveryConceptEntryOfTheYaml()
    {
        var lines = File.ReadAllLines(SharedData.PathOf("graphsense-lib", "tagpack", "db", "concepts.yaml"));
        var conceptCount = lines.Count(l => l.Trim() == "type: concept");
        Assert.Equal(conceptCount, Taxonomy.Concepts.Count);
    }

    [Fact]
    public void IsA_FollowsBroaderLinks()
    {
        var concept = Taxonomy.Concepts.Values.First(c => c.Broader is not null);
        Assert.True(Taxonomy.IsA(concept.Id, concept.Broader!));
        Assert.True(Taxonomy.IsA(concept.Id, concept.Id));
        Assert.False(Taxonomy.IsA(concept.Broader!, concept.Id));
    }

    [Fact]
    public void Countries_AreIso3166Alpha2Codes()
    {
        Assert.True(Taxonomy.IsCountry("US"));
        Assert.True(Taxonomy.IsCountry("SC"));
        Assert.False(Taxonomy.IsCountry("XX"));
        Assert.All(Taxonomy.Countries.Keys, code => Assert.Matches("^[A-Z]{2}$", code));
    }
}
