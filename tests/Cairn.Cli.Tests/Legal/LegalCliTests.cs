using System.Text.Json;

namespace Cairn.Cli.Tests.Legal;

public sealed class LegalCliTests
{
    [Fact]
    public void Route_UsToGermany_Preservation_IsBudapestArt29Via247Network_Json()
    {
        var result = CliRunner.Run("route", "--from", "US", "--to", "DE", "--measure", "preservation", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var top = json.RootElement.GetProperty("options")[0];
        Assert.Equal("budapest-art29", top.GetProperty("rule_id").GetString());
        Assert.Equal("contact_24_7", top.GetProperty("channel").GetString());
        Assert.Contains("ETS 185 Art 29(7)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_Table_ShowsUnverifiedFacts()
    {
        var result = CliRunner.Run("route", "--from", "US", "--to", "DE", "--measure", "confiscation");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("UNVERIFIED", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_BilateralTreaty_NamesThePairsOwnTreaty_InTextAndJson()
    {
        var text = CliRunner.Run("route", "--from", "NL", "--to", "US", "--measure", "freeze", "--on", "2026-12-01");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("treaty: Treaty between the United States and the Kingdom of the Netherlands", text.Output, StringComparison.Ordinal);
        var json = CliRunner.Run("route", "--from", "NL", "--to", "US", "--measure", "freeze", "--on", "2026-12-01", "--json");
        using var answer = JsonDocument.Parse(json.Output);
        var hub = answer.RootElement.GetProperty("options").EnumerateArray().First(o => o.GetProperty("rule_id").GetString() == "us-mlat-general");
        Assert.Contains("(in force 1983-09-15)", hub.GetProperty("treaty").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("XX", "preservation", "unknown state code 'XX'")]
    [InlineData("FR", "teleport", "unknown measure 'teleport'")]
    public void Route_BadInput_ExitsOneWithOneLineError(string to, string measure, string expected)
    {
        var result = CliRunner.Run("route", "--from", "US", "--to", to, "--measure", measure);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: " + expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_StateAbsentFromPartialLists_ListsCandidatesMarkedPartyStatusUnverified()
    {
        // Neither State is in the partial ETS 030 list (open to non-member States by invitation, Art 26), so its letters
        // rogatory stay a candidate; North Korea is not a UNCAC party (complete list since pass 14, UNTC XVIII-14 on
        // 2024-04-20) and Papua New Guinea not a UNTOC party (complete list, UNTC XVIII-12 on 2024-05-04).
        var json = CliRunner.Run("route", "--from", "PG", "--to", "KP", "--measure", "testimony", "--json");
        Assert.Equal(0, json.ExitCode);
        var root = JsonDocument.Parse(json.Output).RootElement;
        var options = root.GetProperty("options").EnumerateArray().ToList();
        Assert.DoesNotContain(options, o => o.GetProperty("rule_id").GetString()!.StartsWith("uncac", StringComparison.Ordinal));
        var ets030 = options.First(o => o.GetProperty("rule_id").GetString() == "ets030-letters-rogatory");
        Assert.Equal("unverified_list_partial", ets030.GetProperty("party_status").GetString());
        Assert.StartsWith("no instrument is confirmed to bind both states", root.GetProperty("fallback").GetString(), StringComparison.Ordinal);

        var table = CliRunner.Run("route", "--from", "PG", "--to", "KP", "--measure", "testimony");
        Assert.Contains("party status unverified (list partial)", table.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("no instrument binds both states", table.Output, StringComparison.Ordinal);
    }
}
