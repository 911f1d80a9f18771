using System.Text.Json;

namespace Cairn.Cli.Tests.Legal;

public sealed class LegalCliTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "cairn-legal-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, true);
    }

    [Fact]
    public void Route_UsToGermany_Preservation_IsBudapestArt29Via247Network_Json()
    {
        var result = LegalCliRunner.Run("route", "--from", "US", "--to", "DE", "--measure", "preservation", "--json");
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
        var result = LegalCliRunner.Run("route", "--from", "US", "--to", "DE", "--measure", "confiscation");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("UNVERIFIED", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("XX", "preservation", "unknown state code 'XX'")]
    [InlineData("FR", "teleport", "unknown measure 'teleport'")]
    public void Route_BadInput_ExitsOneWithOneLineError(string to, string measure, string expected)
    {
        var result = LegalCliRunner.Run("route", "--from", "US", "--to", to, "--measure", measure);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: " + expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Request_DraftSetCheckStatusRenderList_EndToEnd()
    {
        Directory.CreateDirectory(_data);
        var findings = Path.Combine(_data, "findings.json");
        File.WriteAllText(findings, """
            [{"jurisdiction": "DE", "actor_name": "Example Exchange GmbH",
              "addresses": ["1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"],
              "transaction_ids": ["4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b"],
              "amounts": [{"asset": "BTC", "base_units": "5000000000", "decimals": 8}]}]
            """);
        var draft = LegalCliRunner.Run("request", "draft", "--data", _data, "--from", "FR", "--findings", findings, "--measure", "freeze", "--case", "C1", "--language", "fr", "--json");
        Assert.Equal(0, draft.ExitCode);
        Assert.Contains("c1-de-freeze", draft.Output, StringComparison.Ordinal);

        var check = LegalCliRunner.Run("request", "check", "c1-de-freeze", "--data", _data, "--json");
        Assert.Contains("issuing_authority", check.Output, StringComparison.Ordinal);
        var early = LegalCliRunner.Run("request", "status", "c1-de-freeze", "--data", _data, "--to", "ready");
        Assert.Equal(1, early.ExitCode);
        Assert.Contains("incomplete", early.Error, StringComparison.Ordinal);

        foreach (var item in new[] { "issuing_authority", "freezing_order", "person_identity", "offence_and_facts" })
            Assert.Equal(0, LegalCliRunner.Run("request", "set", "c1-de-freeze", "--data", _data, "--item", item, "--text", "texte " + item).ExitCode);
        Assert.Equal(0, LegalCliRunner.Run("request", "status", "c1-de-freeze", "--data", _data, "--to", "ready").ExitCode);
        Assert.Equal(0, LegalCliRunner.Run("request", "status", "c1-de-freeze", "--data", _data, "--to", "sent", "--at", "2026-01-01T00:00:00Z").ExitCode);
        var acknowledged = LegalCliRunner.Run("request", "status", "c1-de-freeze", "--data", _data, "--to", "acknowledged", "--at", "2026-01-02T00:00:00Z", "--json");
        Assert.Equal(0, acknowledged.ExitCode);
        Assert.Contains("\"acknowledged\"", acknowledged.Output, StringComparison.Ordinal);

        var docx = Path.Combine(_data, "out.docx");
        var render = LegalCliRunner.Run("request", "render", "c1-de-freeze", "--data", _data, "--format", "docx", "--out", docx, "--json");
        Assert.Equal(0, render.ExitCode);
        Assert.True(new FileInfo(docx).Length > 0);

        var list = LegalCliRunner.Run("request", "list", "--data", _data, "--json");
        Assert.Contains("\"status\": \"acknowledged\"", list.Output, StringComparison.Ordinal);
        var forbidden = LegalCliRunner.Run("request", "status", "c1-de-freeze", "--data", _data, "--to", "draft");
        Assert.Equal(1, forbidden.ExitCode);
    }
}
