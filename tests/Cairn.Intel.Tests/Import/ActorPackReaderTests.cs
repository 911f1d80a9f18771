using System.Text;
using System.Text.Json;
using Cairn.Intel.Import;
using Cairn.TestSupport;

namespace Cairn.Intel.Tests.Import;

public class ActorPackReaderTests
{
    private static readonly Lazy<ImportResult<Cairn.Intel.Actors.ActorPack>> GraphSense = new(() => ActorPackReader.Default.ReadFile(SharedData.ActorPack));

    [Fact]
    public void Read_GraphSenseActorPack_ImportsEveryActor()
    {
        var result = GraphSense.Value;

        Assert.False(result.Refused);
        Assert.DoesNotContain(result.Issues, i => i.Severity == IssueSeverity.Error);
        Assert.Equal(YamlListCounter.CountItems(SharedData.ActorPack, "actors"), result.Content!.Actors.Count);
        Assert.Equal("graphsense.actorpack", result.Content.Id);
    }

    [Fact]
    public void Read_Binance_CarriesJurisdictionsLegalNameAndReferences()
    {
        var binance = GraphSense.Value.Content!.Actors.Single(a => a.Id == "binance");

        Assert.Equal("Binance", binance.Label);
        Assert.Contains("MT", binance.Jurisdictions);
        Assert.Contains("KY", binance.Jurisdictions);
        Assert.Equal("Binance Holdings Limited", binance.LegalName);
        Assert.Contains("exchange", binance.Categories);
        Assert.Contains("binanceus", binance.Aliases);
        Assert.Contains("www.crunchbase.com/organization/binance", binance.References);
        Assert.Contains("www.binance.us", binance.References);
    }

    [Fact]
    public void Read_ActorContext_IsKeptWholeAsJson()
    {
        var bitmex = GraphSense.Value.Content!.Actors.Single(a => a.Id == "bitmex");
        using var context = JsonDocument.Parse(bitmex.ContextJson!);

        Assert.Equal("HDR Global Trading Limited", context.RootElement.GetProperty("legal_name").GetString());
        Assert.Equal(JsonValueKind.Number, context.RootElement.GetProperty("coingecko_trust_score").ValueKind);
        Assert.Equal(JsonValueKind.False, context.RootElement.GetProperty("coingecko_has_trading_incentive").ValueKind);
        Assert.Equal(["SC"], bitmex.Jurisdictions);
    }

    [Fact]
    public void Read_ActorWithoutId_IsReportedAndSkipped()
    {
        const string text = "title: t\ncreator: c\nactors:\n- id: good\n  label: Good\n- label: No id\n";
        var result = ActorPackReader.Default.Read("actors.yaml", Encoding.UTF8.GetBytes(text));

        Assert.Equal("good", Assert.Single(result.Content!.Actors).Id);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(6, issue.Line);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
    }

    [Fact]
    public void Read_UnknownJurisdiction_IsAWarning()
    {
        const string text = "title: t\ncreator: c\nactors:\n- id: a\n  label: A\n  jurisdictions: [us, XX]\n";
        var result = ActorPackReader.Default.Read("actors.yaml", Encoding.UTF8.GetBytes(text));

        Assert.Equal(["US", "XX"], result.Content!.Actors[0].Jurisdictions);
        Assert.Contains(result.Issues, i => i.Severity == IssueSeverity.Warning && i.Message.Contains("'XX'", StringComparison.Ordinal));
    }
}
