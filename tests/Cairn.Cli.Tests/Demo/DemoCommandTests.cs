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
}
