using System.Text;
using Cairn.Development.Generation;
using Cairn.Intel.Import;

namespace Cairn.Development.Tests.Attribution;

public sealed class ScenarioPacksTests
{
    private static readonly GeneratedScenario Chain = GeneratedScenario.Instance;

    [Fact]
    public void ToPacks_GeneratedScenario_ImportsWithTheRealReadersWithoutIssues()
    {
        var (actorYaml, tagYaml) = ScenarioPacks.ToPacks(Chain.Scenario);

        var actors = ActorPackReader.Default.Read("scenario-actors.yaml", Encoding.UTF8.GetBytes(actorYaml), new ImportOptions { Strict = true });
        var tags = TagPackReader.Default.Read("scenario-tags.yaml", Encoding.UTF8.GetBytes(tagYaml), new ImportOptions { Strict = true });

        Assert.Empty(actors.Issues);
        Assert.Empty(tags.Issues);
        Assert.Equal(Chain.Scenario.Actors.Select(a => a.Id), actors.Content!.Actors.Select(a => a.Id));
        var northwind = actors.Content.Actors.Single(a => a.Id == "northwind-exchange");
        Assert.Equal(["DE"], northwind.Jurisdictions);
        Assert.Equal(["exchange"], northwind.Categories);
        var tagged = Chain.Scenario.Actors.SelectMany(a => a.TaggedAddresses.Select(address => (a.Id, address))).ToList();
        Assert.Equal(tagged, tags.Content!.Tags.Where(t => t.Actor is not null).Select(t => (t.Actor!, t.Identifier)));
        var ransom = Assert.Single(tags.Content.Tags, t => t.Actor is null);
        Assert.Equal(Chain.Scenario.Ransomware!.RansomAddress, ransom.Identifier);
        Assert.Equal("ransomware", ransom.Abuse);
        Assert.All(tags.Content.Tags, t => Assert.Equal(ScenarioPacks.Currency, t.Currency));
    }

    [Fact]
    public void ToPacks_QuotesInLabels_SurviveTheRoundTrip()
    {
        var scenario = new ScenarioManifest
        {
            Actors = [new GeneratedActor { Id = "o-brien", Label = "O'Brien's Exchange: \"fictional\" # not a comment", Category = "exchange", Jurisdictions = ["IE"], TaggedAddresses = ["bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080"] }],
        };
        var (actorYaml, tagYaml) = ScenarioPacks.ToPacks(scenario);

        var actor = Assert.Single(ActorPackReader.Default.Read("a.yaml", Encoding.UTF8.GetBytes(actorYaml)).Content!.Actors);
        var tag = Assert.Single(TagPackReader.Default.Read("t.yaml", Encoding.UTF8.GetBytes(tagYaml)).Content!.Tags);

        Assert.Equal(scenario.Actors[0].Label, actor.Label);
        Assert.Equal(scenario.Actors[0].Label, tag.Label);
    }
}
