using System.Text.Json.Nodes;
using Cairn.Cli.Tests.Cases;

namespace Cairn.Cli.Tests.Demo;

/// <summary>The README's first command, without the server: the demo pipeline end to end, and again.</summary>
public sealed class DemoCommandTests
{
    [Fact]
    public void Demo_TracesToTheThreeCountries_DraftsRequests_AndIsSafeToRunAgain()
    {
        using var data = new TempDataDirectory();
        var first = data.Run("--json", "demo", "--no-serve");
        Assert.True(first.ExitCode == 0, first.Error);
        var report = JsonNode.Parse(first.Output)!;
        Assert.Equal("DEMO-2026-001", report["case_reference"]!.GetValue<string>());
        var jurisdictions = report["trace"]!["jurisdictions"]!.AsArray().Select(j => j!["jurisdiction"]!.GetValue<string>()).ToList();
        Assert.Equal(["SG", "FR", "DE"], jurisdictions.Take(3));
        var requests = report["requests"]!.AsArray();
        Assert.Contains(requests, r => r!["requested_state"]!.GetValue<string>() == "DE" && r["request_type"]!.GetValue<string>() == "freezing_certificate");
        Assert.Contains(requests, r => r!["requested_state"]!.GetValue<string>() == "FR");

        var second = data.Run("--json", "demo", "--no-serve");
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Equal(requests.Count, JsonNode.Parse(second.Output)!["requests"]!.AsArray().Count);
        var listed = data.Run("--json", "request", "list", "--as", "demo", "--agency", "DEMO-CYBER-UNIT");
        Assert.True(listed.ExitCode == 0, listed.Error);
        Assert.Equal(requests.Count, JsonNode.Parse(listed.Output)!.AsArray().Count);
        var log = data.Run("log", "verify");
        Assert.True(log.ExitCode == 0, log.Output + log.Error);
    }

    [Fact]
    public void RequestsOfTheDemoCase_DraftedFromItsTrace_MovedWithBackDatedDates_AndFiltered()
    {
        using var data = new TempDataDirectory();
        Assert.Equal(0, data.Run("--json", "demo", "--no-serve").ExitCode);
        string[] demo = ["--as", "demo", "--agency", "DEMO-CYBER-UNIT"];

        var overlapping = data.Run(["request", "draft-trace", "--case", "DEMO-2026-001", "--from", "NL", "--measure", "freeze", .. demo]);
        Assert.Equal(1, overlapping.ExitCode);
        Assert.Contains("--acknowledge-overlap", overlapping.Error, StringComparison.Ordinal);
        var drafted = data.Run(["--json", "request", "draft-trace", "--case", "DEMO-2026-001", "--from", "NL", "--measure", "preservation", .. demo]);
        Assert.True(drafted.ExitCode == 0, drafted.Error);
        var draft = JsonNode.Parse(drafted.Output)!["drafts"]!.AsArray().First(d => d!["requested_state"]!.GetValue<string>() == "DE")!;
        Assert.NotNull(draft["source_trace_id"]);
        var id = draft["id"]!.GetValue<string>();
        var ofCase = JsonNode.Parse(data.Run(["--json", "request", "of-case", "--case", "DEMO-2026-001", .. demo]).Output)!.AsArray();
        Assert.Contains(ofCase, r => r!["id"]!.GetValue<string>() == id && r["own"]!.GetValue<bool>());

        var check = JsonNode.Parse(data.Run(["--json", "request", "check", id, .. demo]).Output)!;
        foreach (var item in check["missing"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()))
            Assert.Equal(0, data.Run(["request", "set", id, "--item", item, "--text", "text", .. demo]).ExitCode);
        Assert.Equal(0, data.Run(["request", "status", id, "--to", "ready", .. demo]).ExitCode);
        var unvalidated = data.Run(["request", "status", id, "--to", "sent", .. demo]);
        Assert.Equal(1, unvalidated.ExitCode);
        Assert.Contains("cannot be sent before it is validated", unvalidated.Error, StringComparison.Ordinal);
        // A second prosecutor of the demo agency validates: whichever instrument the route took, they may (docs/legal.md).
        Legal.CliAccounts.Create(data, "DEMO-CYBER-UNIT", "NL", ("paula", "prosecutor"));
        Assert.Equal(0, data.Run(["request", "validate", id, "--as", "paula", "--agency", "DEMO-CYBER-UNIT"]).ExitCode);
        var future = data.Run(["request", "status", id, "--to", "sent", "--at", DateTimeOffset.UtcNow.AddDays(3).ToString("O"), .. demo]);
        Assert.Equal(1, future.ExitCode);
        Assert.Contains("is in the future", future.Error, StringComparison.Ordinal);
        var sentAt = DateTimeOffset.UtcNow.AddDays(-3).ToString("yyyy-MM-dd");
        var sent = data.Run(["--json", "request", "status", id, "--to", "sent", "--at", sentAt, "--foreign-reference", "BfJ 77/26", .. demo]);
        Assert.True(sent.ExitCode == 0, sent.Error);
        var view = JsonNode.Parse(sent.Output)!;
        Assert.Equal("BfJ 77/26", view["foreign_reference"]!.GetValue<string>());
        Assert.Equal("demo", view["history"]!.AsArray().Last()!["by"]!.GetValue<string>());

        var listed = JsonNode.Parse(data.Run(["--json", "request", "list", "--status", "sent", "--state", "de", .. demo]).Output)!.AsArray();
        Assert.Equal(id, Assert.Single(listed)!["id"]!.GetValue<string>());
        Assert.Empty(JsonNode.Parse(data.Run(["--json", "request", "list", "--status", "executed", .. demo]).Output)!.AsArray());
        var badFilter = data.Run(["request", "list", "--deadline", "someday", .. demo]);
        Assert.Equal(1, badFilter.ExitCode);
        Assert.Contains("--deadline", badFilter.Error, StringComparison.Ordinal);
    }
}
