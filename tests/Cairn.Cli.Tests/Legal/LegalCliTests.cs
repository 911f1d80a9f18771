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
        // North Korea is absent from the partial UNCAC list, so UNCAC Art 46 stays a candidate; Papua New Guinea
        // is not a UNTOC party (complete list, UNTC XVIII-12 on 2024-05-04). (Tonga is a UNTOC party; Somalia, used
        // before, is a UNCAC party since 2021.)
        var json = CliRunner.Run("route", "--from", "PG", "--to", "KP", "--measure", "testimony", "--json");
        Assert.Equal(0, json.ExitCode);
        var root = JsonDocument.Parse(json.Output).RootElement;
        var uncac = root.GetProperty("options").EnumerateArray().First(o => o.GetProperty("rule_id").GetString() == "uncac-art46");
        Assert.Equal("unverified_list_partial", uncac.GetProperty("party_status").GetString());
        Assert.StartsWith("no instrument is confirmed to bind both states", root.GetProperty("fallback").GetString(), StringComparison.Ordinal);

        var table = CliRunner.Run("route", "--from", "PG", "--to", "KP", "--measure", "testimony");
        Assert.Contains("party status unverified (list partial)", table.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("no instrument binds both states", table.Output, StringComparison.Ordinal);
    }
}
