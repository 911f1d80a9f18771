using System.Text;
using Cairn.Intel.Export;
using Cairn.Intel.Import;
using Cairn.TestSupport;

namespace Cairn.Intel.Tests.Export;

public class TagPackWriterTests
{
    [Theory]
    [InlineData("demo.yaml")]
    [InlineData("hacks.yaml")]
    [InlineData("ofac.yaml")]
    [InlineData("miners_additional.yaml")]
    [InlineData("etherscamdb_tagpack.yaml")]
    [InlineData("defi-fraud-masterthesis.yaml")]
    [InlineData("lockbit_tattoos.yaml")]
    [InlineData("defi_updated/defi-protocols_aave.yaml")]
    public void Write_ThenRead_GivesTheSameTags(string pack)
    {
        var imported = TagPackReader.Default.ReadFile(SharedData.TagPack(pack)).Content!;
        using var text = new StringWriter();
        TagPackWriter.Write(text, imported);

        var again = TagPackReader.Default.Read("export.yaml", Encoding.UTF8.GetBytes(text.ToString()), new ImportOptions { PackId = imported.Id });

        Assert.DoesNotContain(again.Issues, i => i.Severity == IssueSeverity.Error);
        var reread = again.Content!;
        Assert.Equal(imported.Title, reread.Title);
        Assert.Equal(imported.Creator, reread.Creator);
        Assert.Equal(imported.Description, reread.Description);
        Assert.Equal(imported.Tags.Count, reread.Tags.Count);
        for (var i = 0; i < imported.Tags.Count; i++) Assert.Equal(imported.Tags[i], reread.Tags[i]);
    }

    [Fact]
    public void Write_HexAddress_StaysQuotedText()
    {
        var demo = TagPackReader.Default.ReadFile(SharedData.TagPack("demo.yaml")).Content!;
        using var text = new StringWriter();
        TagPackWriter.Write(text, demo);

        Assert.Contains("- address: \"0xFA8E3920daF271daB92Be9B87d9998DDd94FEF08\"", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("label: \"Internet Archive\"", text.ToString(), StringComparison.Ordinal); // shared: written once in the header
    }
}
