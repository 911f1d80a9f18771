using System.Text.Json;
using Cairn.Cli.Tests.Cases;

namespace Cairn.Cli.Tests.Legal;

/// <summary>`cairn request validate` and the refusal to send an unvalidated request (docs/legal.md, "Validation before sending").</summary>
public sealed class RequestValidationCliTests
{
    private const string Agency = "pnf-fr";
    private const string RequestId = "c1-de-freeze";

    [Fact]
    public void Sent_BeforeValidation_IsRefused_ValidateThenSentWorks_AndAnEditLetsTheValidationLapse()
    {
        using var data = new TempDataDirectory();
        Assert.Equal(0, Draft(data, "freeze", "alice").ExitCode);
        foreach (var item in new[] { "issuing_authority", "freezing_order", "person_identity", "confiscation_link" })
            Assert.Equal(0, Run(data, "alice", "request", "set", RequestId, "--item", item, "--text", "texte " + item).ExitCode);
        Assert.Equal(0, Run(data, "alice", "request", "status", RequestId, "ready").ExitCode);

        var early = Run(data, "alice", "request", "status", RequestId, "sent");
        Assert.Equal(1, early.ExitCode);
        Assert.StartsWith($"error: request {RequestId} cannot be sent before it is validated", OneLine(early.Error), StringComparison.Ordinal);
        Assert.Contains("Regulation (EU) 2018/1805 Art 2(8)(a)(ii)", early.Error, StringComparison.Ordinal);

        var noAccount = Run(data, "alice", "request", "validate", RequestId);
        Assert.Equal(1, noAccount.ExitCode);
        Assert.Contains("no active account", OneLine(noAccount.Error), StringComparison.Ordinal);
        CliAccounts.Create(data, Agency, "FR", ("alice", "prosecutor"), ("ines", "investigator"));
        var investigator = Run(data, "ines", "request", "validate", RequestId);
        Assert.Equal(1, investigator.ExitCode);
        Assert.Contains("needs the Prosecutor role", OneLine(investigator.Error), StringComparison.Ordinal);

        var validated = Run(data, "alice", "request", "validate", RequestId);
        Assert.True(validated.ExitCode == 0, validated.Error);
        Assert.StartsWith($"{RequestId}: Validated by alice (Prosecutor, {Agency})", OneLine(validated.Output), StringComparison.Ordinal);
        var shown = JsonDocument.Parse(Run(data, "alice", "request", "status", RequestId, "--json").Output).RootElement;
        Assert.Contains("sent", shown.GetProperty("next_statuses").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("validated", shown.GetProperty("validation").GetProperty("state").GetString());

        // Back to draft, one item edited, ready again: the validated text is no longer the text.
        Assert.Equal(0, Run(data, "alice", "request", "status", RequestId, "draft").ExitCode);
        Assert.Equal(0, Run(data, "ines", "request", "set", RequestId, "--item", "person_identity", "--text", "une autre personne").ExitCode);
        Assert.Equal(0, Run(data, "alice", "request", "status", RequestId, "ready").ExitCode);
        var lapsedView = JsonDocument.Parse(Run(data, "alice", "request", "status", RequestId, "--json").Output).RootElement;
        Assert.Equal("lapsed", lapsedView.GetProperty("validation").GetProperty("state").GetString());
        Assert.DoesNotContain("sent", lapsedView.GetProperty("next_statuses").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("validation lapsed: edited after validation", Run(data, "alice", "request", "status", RequestId).Output, StringComparison.OrdinalIgnoreCase);
        var lapsed = Run(data, "alice", "request", "status", RequestId, "--to", "sent");
        Assert.Equal(1, lapsed.ExitCode);
        Assert.Contains("validation lapsed: edited after validation", OneLine(lapsed.Error), StringComparison.Ordinal);

        Assert.Equal(0, Run(data, "alice", "request", "validate", RequestId).ExitCode);
        Assert.Equal(0, Run(data, "alice", "request", "status", RequestId, "sent", "--at", "2026-01-01T00:00:00Z").ExitCode);
        Assert.Equal(0, data.Run("log", "verify").ExitCode);
    }

    [Fact]
    public void FourEyes_TheDrafterCannotValidateTheirOwnRequest_ASecondProsecutorCan()
    {
        using var data = new TempDataDirectory();
        var drafted = JsonDocument.Parse(Draft(data, "preservation", "alice", from: "US").Output).RootElement.GetProperty("drafts")[0];
        Assert.Equal("budapest-art29", drafted.GetProperty("rule_id").GetString());
        var id = drafted.GetProperty("id").GetString()!;
        var check = JsonDocument.Parse(Run(data, "alice", "request", "check", id, "--json").Output).RootElement;
        foreach (var item in check.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("id").GetString()!))
            Assert.Equal(0, Run(data, "alice", "request", "set", id, "--item", item, "--text", "text").ExitCode);
        Assert.Equal(0, Run(data, "alice", "request", "status", id, "ready").ExitCode);
        CliAccounts.Create(data, Agency, "FR", ("alice", "prosecutor"), ("paula", "prosecutor"));

        var own = Run(data, "alice", "request", "validate", id);
        Assert.Equal(1, own.ExitCode);
        Assert.StartsWith("error: four eyes: alice drafted or edited this request", OneLine(own.Error), StringComparison.Ordinal);
        var second = Run(data, "paula", "request", "validate", id);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Equal(0, Run(data, "alice", "request", "status", id, "sent").ExitCode);
    }

    private static string OneLine(string text)
    {
        var lines = text.Trim().Split('\n');
        Assert.Single(lines);
        return lines[0];
    }

    private static CliRunner.Result Draft(TempDataDirectory data, string measure, string user, string from = "FR")
    {
        var findings = Path.Combine(data.Path, "findings.json");
        File.WriteAllText(findings, """
            [{"jurisdiction": "DE", "actor_name": "Example Exchange GmbH",
              "addresses": ["1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"],
              "transaction_ids": ["4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b"],
              "amounts": [{"asset": "BTC", "base_units": "5000000000", "decimals": 8}]}]
            """);
        return Run(data, user, "request", "draft", "--from", from, "--findings", findings, "--measure", measure, "--case", "C1", "--language", "fr", "--json");
    }

    private static CliRunner.Result Run(TempDataDirectory data, string user, params string[] args) => data.Run([.. args, "--as", user, "--agency", Agency]);
}
