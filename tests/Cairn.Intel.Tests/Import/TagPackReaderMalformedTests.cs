using System.Text;
using Cairn.Intel.Import;

namespace Cairn.Intel.Tests.Import;

public class TagPackReaderMalformedTests
{
    private const string Pack = """
        title: Test pack
        creator: Cairn tests
        currency: BTC
        confidence: forensic
        source: https://example.org/report
        tags:
        - address: 1Archive1n2C579dMsAu3iC6tWzuQJz8dN
          label: good one
        - address: 1K1rgZ1dz9w7dsR1HGS1drmzfUHMtqx1Tc
          label: bad flag
          is_cluster_definer: maybe
        - label: no address
        - address: 3K35dyL85fR9ht7UgzPfd1gLRRXQtNTqE3
          label: another good one
          lastmod: 2024-02-26
        """;

    private static ImportResult<Cairn.Intel.Tags.TagPack> Read(string text, bool strict = false) =>
        TagPackReader.Default.Read("test.yaml", Encoding.UTF8.GetBytes(text), new ImportOptions { Strict = strict });

    [Fact]
    public void Read_MalformedTags_AreReportedByLineAndTheRestImported()
    {
        var result = Read(Pack);

        Assert.Equal(["good one", "another good one"], result.Content!.Tags.Select(t => t.Label));
        var errors = result.Issues.Where(i => i.Severity == IssueSeverity.Error).OrderBy(i => i.Line).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Equal(11, errors[0].Line);
        Assert.Contains("is_cluster_definer", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(12, errors[1].Line);
        Assert.Contains("neither address nor tx_hash", errors[1].Message, StringComparison.Ordinal);
        Assert.All(errors, e => Assert.Equal("test.yaml", e.File));
        Assert.StartsWith("test.yaml:11: error:", errors[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MalformedTagsStrict_RefusesTheFile()
    {
        var result = Read(Pack, strict: true);

        Assert.True(result.Refused);
        Assert.Equal(2, result.ErrorCount);
    }

    [Fact]
    public void Read_InvalidYaml_IsRefusedWithTheLineOfTheSyntaxError()
    {
        var result = Read("title: x\ncreator: y\ntags:\n- address: [unclosed\n");

        Assert.True(result.Refused);
        var issue = Assert.Single(result.Issues);
        Assert.Contains("not valid YAML", issue.Message, StringComparison.Ordinal);
        Assert.True(issue.Line >= 4, $"line {issue.Line}");
    }

    [Fact]
    public void Read_MissingHeader_IsRefused()
    {
        var result = Read("tags:\n- address: 1Archive1n2C579dMsAu3iC6tWzuQJz8dN\n  currency: BTC\n  label: x\n  source: y\n");

        Assert.True(result.Refused);
        Assert.Contains("title", Assert.Single(result.Issues).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownCategory_IsImportedWithAWarning()
    {
        var result = Read(Pack.Replace("confidence: forensic", "confidence: forensic\ncategory: teleporter", StringComparison.Ordinal));

        Assert.Equal(2, result.Content!.Tags.Count);
        Assert.Contains(result.Issues, i => i.Severity == IssueSeverity.Warning && i.Message.Contains("'teleporter'", StringComparison.Ordinal));
    }
}
