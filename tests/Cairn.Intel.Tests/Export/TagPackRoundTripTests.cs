using System.Text;
using Cairn.Intel.Export;
using Cairn.Intel.Import;
using Cairn.Intel.Store;
using Cairn.Intel.Tags;
using Cairn.TestSupport;
using Cairn.TestSupport.Schemas;

namespace Cairn.Intel.Tests.Export;

/// <summary>Import then export loses nothing, and what Cairn exports passes GraphSense's TagPack schema.</summary>
public class TagPackRoundTripTests
{
    public static TheoryData<string> Packs => new()
    {
        "demo.yaml", "hacks.yaml", "ofac.yaml", "lockbit_tattoos.yaml", "BITB_etf.yaml", "binance_hack.yaml", "Alt-Right.yaml",
        "coinjoin_bounty.yaml", "etherhiding.yaml", "defi_updated/defi-protocols_aave.yaml", "miners_additional.yaml",
    };

    /// <summary>The packs above whose source gives every field GraphSense's schema makes mandatory.</summary>
    public static TheoryData<string> CompletePacks => new(Packs.Cast<object[]>().Select(row => (string)row[0]).Where(p => p is not ("ofac.yaml" or "miners_additional.yaml")));

    private static async Task<(TagPack Imported, string Exported)> ImportThenExportAsync(string file)
    {
        var service = new IntelService(new InMemoryIntelStore(), TimeProvider.System);
        var imported = TagPackReader.Default.ReadFile(SharedData.TagPack(file)).Content!;
        await service.Store.SaveTagPackAsync(imported);
        using var text = new StringWriter();
        await service.ExportTagPackAsync(text, new TagFilter { PackId = imported.Id });
        return (imported, text.ToString());
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public async Task ImportThenExport_GivesBackTheHeaderAndEveryTagField(string file)
    {
        var (imported, exported) = await ImportThenExportAsync(file);

        var again = TagPackReader.Default.Read("export.yaml", Encoding.UTF8.GetBytes(exported), new ImportOptions { PackId = imported.Id });
        Assert.DoesNotContain(again.Issues, i => i.Severity == IssueSeverity.Error);
        var reread = again.Content!;
        Assert.Equal((imported.Title, imported.Creator, imported.Description, imported.IsPublic), (reread.Title, reread.Creator, reread.Description, reread.IsPublic));
        Assert.Equal(imported.Tags, reread.Tags);
    }

    [Theory]
    [MemberData(nameof(CompletePacks))]
    public async Task TheExport_IsValidAgainstGraphSensesTagPackSchema(string file)
    {
        var (_, exported) = await ImportThenExportAsync(file);

        Assert.Empty(SchemaCheck.Errors(GraphSenseTagPackSchema.Json, GraphSenseTagPackSchema.Parse(exported)));
    }

    [Theory]
    [InlineData("ofac.yaml")]
    [InlineData("miners_additional.yaml")]
    public async Task APackWhoseSourceHasNoConfidence_IsExportedFaithfully_AndFailsTheSchemaOnlyThere(string file)
    {
        var (_, exported) = await ImportThenExportAsync(file);

        var errors = SchemaCheck.Errors(GraphSenseTagPackSchema.Json, GraphSenseTagPackSchema.Parse(exported));
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Contains("confidence", e, StringComparison.Ordinal));
        Assert.DoesNotContain("confidence", File.ReadAllText(SharedData.TagPack(file)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDemoPack_KeepsTitleDescriptionAndClusterDefiner()
    {
        var (_, exported) = await ImportThenExportAsync("demo.yaml");

        Assert.Contains("title: \"GraphSense Demo TagPack\"", exported, StringComparison.Ordinal);
        Assert.Contains("description: \"A collection of tags commonly used for demonstrating GraphSense features\"", exported, StringComparison.Ordinal);
        Assert.Contains("is_cluster_definer: true", exported, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSchemaCheck_IsReal_ItRefusesWhatGraphSenseRefuses()
    {
        const string header = "title: \"t\"\ncreator: \"c\"\n";
        Assert.Empty(SchemaCheck.Errors(GraphSenseTagPackSchema.Json, GraphSenseTagPackSchema.Parse(header +
            "label: \"l\"\nsource: \"s\"\nconfidence: \"ownership\"\ntags:\n- address: \"a\"\n  currency: \"BTC\"\n  network: \"BTC\"\n")));
        foreach (var bad in new[]
        {
            "tags:\n- address: \"a\"\n  currency: \"BTC\"\n  network: \"BTC\"\n  source: \"s\"\n  confidence: \"ownership\"\n", // no label anywhere
            "label: \"l\"\nsource: \"s\"\nconfidence: \"somewhat sure\"\ntags:\n- address: \"a\"\n  currency: \"BTC\"\n  network: \"BTC\"\n", // not a confidence id
            "label: \"l\"\nsource: \"s\"\nconfidence: \"ownership\"\ntags:\n- address: \"a\"\n  currency: \"BTC\"\n  network: \"BTC\"\n  colour: \"red\"\n", // unknown field
            "label: \"l\"\nsource: \"s\"\nconfidence: \"ownership\"\nis_cluster_definer: \"yes\"\ntags:\n- address: \"a\"\n  currency: \"BTC\"\n  network: \"BTC\"\n",
            "label: \"l\"\nsource: \"s\"\nconfidence: \"ownership\"\ntags:\n- address: \"a\"\n  currency: \"BTC\"\n", // no network
        })
            Assert.NotEmpty(SchemaCheck.Errors(GraphSenseTagPackSchema.Json, GraphSenseTagPackSchema.Parse(header + bad)));
    }

    [Fact]
    public void WritingAPackFile_KeepsItsOwner()
    {
        var pack = TagPackReader.Default.ReadFile(SharedData.TagPack("demo.yaml")).Content! with { Owner = "iknaio" };
        using var text = new StringWriter();
        TagPackWriter.Write(text, pack);

        Assert.Equal("iknaio", TagPackReader.Default.Read("x.yaml", Encoding.UTF8.GetBytes(text.ToString()), new ImportOptions { PackId = pack.Id }).Content!.Owner);
    }
}
