using System.Text.Json;
using Cairn.Cli.Tests.Cases;

namespace Cairn.Cli.Tests.Legal;

/// <summary>`cairn request …` against the database of a temporary data directory, checked through `cairn log`.</summary>
public sealed class RequestCliTests
{
    private const string Agency = "pnf-fr";
    private const string RequestId = "c1-de-freeze";

    [Fact]
    public void DraftSetCheckStatusRender_EndToEnd_EachStepIsACustodyEntry()
    {
        using var data = new TempDataDirectory();
        var draft = Draft(data);
        Assert.Equal(0, draft.ExitCode);
        var drafted = JsonDocument.Parse(draft.Output).RootElement.GetProperty("drafts")[0];
        Assert.Equal((RequestId, "freezing_certificate", "DE"), (drafted.GetProperty("id").GetString(), drafted.GetProperty("request_type").GetString(), drafted.GetProperty("requested_state").GetString()));

        var check = JsonDocument.Parse(Run(data, "request", "check", RequestId, "--json").Output).RootElement;
        Assert.False(check.GetProperty("complete").GetBoolean());
        Assert.Contains("issuing_authority", check.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        var early = Run(data, "request", "status", RequestId, "--to", "ready");
        Assert.Equal(1, early.ExitCode);
        Assert.Contains("incomplete", early.Error, StringComparison.Ordinal);

        foreach (var item in new[] { "issuing_authority", "freezing_order", "person_identity", "confiscation_link" })
            Assert.Equal(0, Run(data, "request", "set", RequestId, "--item", item, "--text", "texte " + item).ExitCode);
        Assert.True(JsonDocument.Parse(Run(data, "request", "check", RequestId, "--json").Output).RootElement.GetProperty("complete").GetBoolean());
        Assert.Equal(0, Run(data, "request", "status", RequestId, "--to", "ready").ExitCode);
        CliAccounts.Create(data, Agency, "FR", ("alice", "prosecutor"));
        Assert.Equal(0, Run(data, "request", "validate", RequestId).ExitCode);
        Assert.Equal(0, Run(data, "request", "status", RequestId, "--to", "sent", "--at", "2026-01-01T00:00:00Z").ExitCode);
        var acknowledged = Run(data, "request", "status", RequestId, "--to", "acknowledged", "--at", "2026-01-02T00:00:00Z", "--json");
        Assert.Equal(0, acknowledged.ExitCode);
        Assert.Equal("acknowledged", JsonDocument.Parse(acknowledged.Output).RootElement.GetProperty("status").GetString());

        var docx = Path.Combine(data.Path, "out.docx");
        var render = JsonDocument.Parse(Run(data, "request", "render", RequestId, "--format", "docx", "--out", docx, "--json").Output).RootElement;
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(docx))), render.GetProperty("sha256").GetString());

        var list = JsonDocument.Parse(Run(data, "request", "list", "--json").Output).RootElement;
        Assert.Equal("acknowledged", list[0].GetProperty("status").GetString());
        Assert.Equal(1, Run(data, "request", "status", RequestId, "--to", "draft").ExitCode);

        var actions = CustodyActions(data, RequestId);
        string[] expected = ["request.create", "request.content", "request.status.ready", "request.validate", "request.status.sent", "request.status.acknowledged", "request.render.docx"];
        Assert.All(expected, action => Assert.Contains(action, actions));
        Assert.Equal(4, actions.Count(a => a == "request.content"));
        Assert.Single(actions, "request.status.ready");
        Assert.Equal(0, data.Run("log", "verify").ExitCode);
    }

    [Fact]
    public void Requests_AreVisibleOnlyToTheDraftingAgency()
    {
        using var data = new TempDataDirectory();
        Assert.Equal(0, Draft(data).ExitCode);
        var other = data.Run("request", "check", RequestId, "--as", "bruno", "--agency", "bka-de");
        Assert.Equal(1, other.ExitCode);
        Assert.StartsWith($"error: no request '{RequestId}'", other.Error, StringComparison.Ordinal);
        Assert.Equal(0, JsonDocument.Parse(data.Run("request", "list", "--as", "bruno", "--agency", "bka-de", "--json").Output).RootElement.GetArrayLength());
    }

    [Fact]
    public void Draft_SameCaseTwice_GetsAFreeId()
    {
        using var data = new TempDataDirectory();
        Draft(data);
        var second = JsonDocument.Parse(Draft(data).Output).RootElement.GetProperty("drafts")[0];
        Assert.Equal(RequestId + "-2", second.GetProperty("id").GetString());
    }

    [Fact]
    public void Render_UnknownFormat_ExitsOneAndNamesIt()
    {
        using var data = new TempDataDirectory();
        Draft(data);
        var result = Run(data, "request", "render", RequestId, "--format", "odt", "--out", Path.Combine(data.Path, "x.odt"));
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: unknown format 'odt'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_OnTheRouteChosenByRuleOrRank_NotOnlyTheFirst()
    {
        using var data = new TempDataDirectory();
        var findings = WriteFindings(data);
        var byRule = JsonDocument.Parse(Run(data, "request", "draft", "--from", "US", "--findings", findings, "--measure", "stored_content", "--rule", "us-mlat-general", "--json").Output).RootElement;
        var drafted = byRule.GetProperty("drafts")[0];
        Assert.Equal("us-mlat-general", drafted.GetProperty("rule_id").GetString());
        Assert.True(drafted.GetProperty("route_rank").GetInt32() > 1);
        Assert.Contains("Bundesamt", drafted.GetProperty("addressee").GetString(), StringComparison.Ordinal);

        var byRank = JsonDocument.Parse(Run(data, "request", "draft", "--from", "US", "--findings", findings, "--measure", "stored_content", "--route", "2", "--json").Output).RootElement;
        Assert.Equal(2, byRank.GetProperty("drafts")[0].GetProperty("route_rank").GetInt32());

        var absent = JsonDocument.Parse(Run(data, "request", "draft", "--from", "US", "--findings", findings, "--measure", "stored_content", "--rule", "eio-investigative-measure", "--json").Output).RootElement;
        Assert.Equal(0, absent.GetProperty("drafts").GetArrayLength());
        Assert.Contains("rule eio-investigative-measure is not among the routes found", absent.GetProperty("unroutable")[0].GetString(), StringComparison.Ordinal);

        var unknown = Run(data, "request", "draft", "--from", "US", "--findings", findings, "--measure", "stored_content", "--rule", "no-such-rule");
        Assert.Equal(1, unknown.ExitCode);
        Assert.StartsWith("error: unknown legal rule 'no-such-rule'", unknown.Error, StringComparison.Ordinal);
    }

    private static string WriteFindings(TempDataDirectory data)
    {
        var findings = Path.Combine(data.Path, "findings.json");
        File.WriteAllText(findings, """
            [{"jurisdiction": "DE", "actor_name": "Example Exchange GmbH",
              "addresses": ["1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"],
              "transaction_ids": ["4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b"],
              "amounts": [{"asset": "BTC", "base_units": "5000000000", "decimals": 8}]}]
            """);
        return findings;
    }

    private static CliRunner.Result Draft(TempDataDirectory data)
    {
        var findings = Path.Combine(data.Path, "findings.json");
        File.WriteAllText(findings, """
            [{"jurisdiction": "DE", "actor_name": "Example Exchange GmbH",
              "addresses": ["1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"],
              "transaction_ids": ["4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b"],
              "amounts": [{"asset": "BTC", "base_units": "5000000000", "decimals": 8}]}]
            """);
        return Run(data, "request", "draft", "--from", "FR", "--findings", findings, "--measure", "freeze", "--case", "C1", "--language", "fr", "--json");
    }

    private static CliRunner.Result Run(TempDataDirectory data, params string[] args) => data.Run([.. args, "--as", "alice", "--agency", Agency]);

    /// <summary>The actions of the custody entries about request <paramref name="id"/>, read entry by entry with `cairn log proof`.</summary>
    private static List<string> CustodyActions(TempDataDirectory data, string id)
    {
        var size = JsonDocument.Parse(data.Run("log", "head", "--json").Output).RootElement.GetProperty("tree_size").GetInt64();
        var actions = new List<string>();
        for (long sequence = 0; sequence < size; sequence++)
        {
            var proof = data.Run("log", "proof", "--seq", sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");
            Assert.Equal(0, proof.ExitCode);
            using var entry = JsonDocument.Parse(JsonDocument.Parse(proof.Output).RootElement.GetProperty("entry").GetString()!);
            if (entry.RootElement.GetProperty("object_type").GetString() == "request" && entry.RootElement.GetProperty("object_id").GetString() == id)
                actions.Add(entry.RootElement.GetProperty("action").GetString()!);
        }
        return actions;
    }
}
