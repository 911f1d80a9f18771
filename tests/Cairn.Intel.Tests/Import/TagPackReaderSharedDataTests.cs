using Cairn.Intel.Import;
using Cairn.Intel.Tags;
using Cairn.TestSupport;

namespace Cairn.Intel.Tests.Import;

/// <summary>Every GraphSense pack in ../shared/data imports without loss.</summary>
public class TagPackReaderSharedDataTests
{
    public static TheoryData<string> Packs()
    {
        var data = new TheoryData<string>();
        foreach (var path in SharedData.AllTagPacks) data.Add(Path.GetRelativePath(SharedData.PathOf("graphsense-tagpacks", "packs"), path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void Read_SharedPack_ImportsEveryTagWithoutErrors(string relativePath)
    {
        var path = SharedData.TagPack(relativePath);
        var result = TagPackReader.Default.ReadFile(path);

        Assert.False(result.Refused, string.Join("; ", result.Issues.Take(3)));
        Assert.DoesNotContain(result.Issues, i => i.Severity == IssueSeverity.Error);
        Assert.Equal(YamlListCounter.CountItems(path, "tags"), result.Content!.Tags.Count);
        Assert.All(result.Content.Tags, tag =>
        {
            Assert.False(string.IsNullOrWhiteSpace(tag.Identifier));
            Assert.False(string.IsNullOrWhiteSpace(tag.Label));
            Assert.False(string.IsNullOrWhiteSpace(tag.Currency));
        });
    }

    [Fact]
    public void Read_DemoPack_TagsInheritHeaderFields()
    {
        var pack = TagPackReader.Default.ReadFile(SharedData.TagPack("demo.yaml")).Content!;

        Assert.Equal("demo", pack.Id);
        Assert.Equal("GraphSense Demo TagPack", pack.Title);
        Assert.Equal(5, pack.Tags.Count);
        Assert.All(pack.Tags, tag =>
        {
            Assert.Equal("Internet Archive", tag.Label);
            Assert.Equal("internet_archive", tag.Actor);
            Assert.Equal("service_data", tag.Confidence);
            Assert.Equal("organization", tag.Category);
            Assert.Equal("https://archive.org/donate/cryptocurrency", tag.Source);
            Assert.Equal("GraphSense Core Team", tag.Creator);
            Assert.True(tag.IsClusterDefiner);
            Assert.Equal(new DateTimeOffset(2021, 11, 12, 0, 0, 0, TimeSpan.Zero), tag.LastModified);
        });
        Assert.Equal(["BTC", "BCH", "ETH", "XRP", "ZEC"], pack.Tags.Select(t => t.Currency));
        // Quoted in the file; must stay text, not become a hex number as YAML 1.1 loaders would make it.
        Assert.Equal("0xFA8E3920daF271daB92Be9B87d9998DDd94FEF08", pack.Tags[2].Identifier);
    }

    [Fact]
    public void Read_MinersPack_TagFieldsOverrideHeader()
    {
        var pack = TagPackReader.Default.ReadFile(SharedData.TagPack("miners.yaml")).Content!;
        var first = pack.Tags[0];

        Assert.Equal("1NFw6R8ySoyzCvRrKGK2jWDuVUcq8ECggP", first.Identifier);
        Assert.Equal("Sigmapool.com", first.Label);
        Assert.Equal("sigmapool", first.Actor);
        Assert.Equal("miner", first.Category);
        Assert.Equal("forensic", first.Confidence);
        Assert.Contains(pack.Tags, t => t.Label == "Bitcoin.com");
    }

    [Fact]
    public void Read_PlustokenPack_BadChecksumAddressIsKeptAndReportedWithItsLine()
    {
        var path = SharedData.TagPack("plustoken.yaml");
        var result = TagPackReader.Default.ReadFile(path);
        const string bad = "1MFgcyJ7ZNSknbTBRaih6zWDE6V1A64tRYs";

        Assert.Contains(result.Content!.Tags, t => t.Identifier == bad);
        var issue = Assert.Single(result.Issues, i => i.Message.Contains(bad, StringComparison.Ordinal));
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        var expectedLine = Array.FindIndex(File.ReadAllLines(path), l => l.Contains(bad, StringComparison.Ordinal)) + 1;
        Assert.Equal(expectedLine, issue.Line);
    }

    [Fact]
    public void Read_PlustokenPackStrict_IsRefused()
    {
        var result = TagPackReader.Default.ReadFile(SharedData.TagPack("plustoken.yaml"), new ImportOptions { Strict = true });

        Assert.True(result.Refused);
        Assert.NotEmpty(result.Issues);
    }

    [Fact]
    public void Read_SamePackTwice_GivesTheSameVersion()
    {
        var first = TagPackReader.Default.ReadFile(SharedData.TagPack("tornado_cash.yaml")).Content!;
        var second = TagPackReader.Default.ReadFile(SharedData.TagPack("tornado_cash.yaml")).Content!;

        Assert.Equal(first.Version, second.Version);
        Assert.Equal(first.Tags, second.Tags);
    }

    [Fact]
    public void Read_LockbitPack_HonoursIsPublicHeader()
    {
        var text = File.ReadAllText(SharedData.TagPack("lockbit_tattoos.yaml"));
        var expected = text.Contains("is_public: true", StringComparison.Ordinal);
        var pack = TagPackReader.Default.ReadFile(SharedData.TagPack("lockbit_tattoos.yaml"), new ImportOptions { DefaultIsPublic = !expected }).Content!;

        Assert.All(pack.Tags, t => Assert.Equal(expected, t.IsPublic));
    }
}
