using System.Text.Json;
using Cairn.TestSupport;

namespace Cairn.Cli.Tests.Legal;

/// <summary>`cairn legal check|coverage` and `cairn route --on`: the reference data checked, its coverage, routes judged on a date.</summary>
public sealed class LegalDataCliTests
{
    [Fact]
    public void LegalCheck_OnTheBuiltInData_FindsNoProblem()
    {
        var result = CliRunner.Run("legal", "check");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("legal data: no problem found", result.Output.Trim());
    }

    [Fact]
    public void LegalCheck_WhenACompleteListMissesAParty_PrintsOneLineAndExitsOne()
    {
        var copy = CopyOfTheData();
        try
        {
            // UNTOC's list is complete (192 parties, UNTC XVIII-12 on 2024-05-04): take France out.
            var file = Path.Combine(copy, "instruments", "untoc.yaml");
            var lines = File.ReadAllLines(file).ToList();
            var start = lines.FindIndex(l => l == "- state: FR");
            var end = lines.FindIndex(start + 1, l => l.StartsWith("- state: ", StringComparison.Ordinal));
            lines.RemoveRange(start, end - start);
            File.WriteAllLines(file, lines);
            var result = CliRunner.Run("legal", "check", "--legal-data", copy);
            Assert.Equal(1, result.ExitCode);
            Assert.Equal("instruments/untoc.yaml: 191 parties listed on 2024-05-04, but the depositary (Secretary-General of the United Nations) counts 192", result.Output.Trim());
        }
        finally { Directory.Delete(copy, recursive: true); }
    }

    [Fact]
    public void LegalCheck_WithAnUnknownStateCode_IsALoadErrorNamingFileAndLine()
    {
        var copy = CopyOfTheData();
        try
        {
            var file = Path.Combine(copy, "instruments", "cets224.yaml");
            File.WriteAllText(file, File.ReadAllText(file).Replace("state: RS", "state: QQ", StringComparison.Ordinal));
            var result = CliRunner.Run("legal", "check", "--legal-data", copy);
            Assert.Equal(1, result.ExitCode);
            Assert.Matches(@"^error: instruments/cets224\.yaml:\d+: unknown state code 'QQ'$", result.Error.Trim());
        }
        finally { Directory.Delete(copy, recursive: true); }
    }

    [Fact]
    public void LegalCoverage_Markdown_IsTheTableInTheDocs()
    {
        var result = CliRunner.Run("legal", "coverage", "--markdown");
        Assert.Equal(0, result.ExitCode);
        var docs = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "legal-data.md")).ReplaceLineEndings("\n");
        Assert.Contains(result.Output.ReplaceLineEndings("\n").Trim(), docs, StringComparison.Ordinal);
        var json = JsonDocument.Parse(CliRunner.Run("legal", "coverage", "--json").Output).RootElement;
        Assert.Contains(json.GetProperty("instruments").EnumerateArray(), r => r.GetProperty("instrument_id").GetString() == "untoc" && r.GetProperty("depositary_count").GetInt32() == 192);
    }

    [Fact]
    public void Route_On_JudgesPartiesOnThatDate()
    {
        // Japan: Budapest in force 2012-11-01 (MOFA Japan 2012-07-04; ETS 185 Art 36(4)).
        var before = JsonDocument.Parse(CliRunner.Run("route", "--from", "FR", "--to", "JP", "--measure", "preservation", "--on", "2012-10-31", "--json").Output).RootElement;
        Assert.DoesNotContain(before.GetProperty("options").EnumerateArray(), o => o.GetProperty("instrument_id").GetString() == "budapest");
        Assert.Equal("2012-10-31", before.GetProperty("as_of").GetString());
        var after = CliRunner.Run("route", "--from", "FR", "--to", "JP", "--measure", "preservation", "--on", "2012-11-01");
        Assert.Contains("budapest-art29", after.Output, StringComparison.Ordinal);
        Assert.Contains("send to:", after.Output, StringComparison.Ordinal);
        Assert.Contains("languages:", after.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1949-12-31", "error: date 1949-12-31 for 'on' is before 1950-01-01")]
    [InlineData("31/12/2020", "error: malformed date '31/12/2020' for 'on': expected YYYY-MM-DD")]
    public void Route_BadDate_ExitsOneWithOneLine(string on, string expected)
    {
        var result = CliRunner.Run("route", "--from", "FR", "--to", "DE", "--measure", "testimony", "--on", on);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(expected, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public void Route_NotAParty_IsSaidInTheNotes()
    {
        // Papua New Guinea is absent from the complete UNTOC list (UNTC XVIII-12 on 2024-05-04).
        var result = CliRunner.Run("route", "--from", "FR", "--to", "PG", "--measure", "testimony", "--on", "2024-05-04");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("PG is not a party to UNTOC", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_BeforeAStatesEntryIntoForce_SaysWhenItBinds()
    {
        // Somalia acceded to UNTOC on 2025-03-25 (BOE-A-2025-26356), in force for it on the 30th day (Art 38(2)).
        var result = CliRunner.Run("route", "--from", "FR", "--to", "SO", "--measure", "testimony", "--on", "2024-05-04");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("UNTOC enters into force for SO only on 2025-04-24", result.Output, StringComparison.Ordinal);
    }

    private static string CopyOfTheData()
    {
        var source = Path.Combine(SharedData.RepositoryRoot, "data", "legal");
        var target = Directory.CreateTempSubdirectory("cairn-legal-data-").FullName;
        foreach (var file in Directory.EnumerateFiles(source, "*.yaml", SearchOption.AllDirectories))
        {
            var path = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Copy(file, path);
        }
        return target;
    }
}
