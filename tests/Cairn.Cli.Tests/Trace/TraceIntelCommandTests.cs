using System.Globalization;
using System.Text.Json;

namespace Cairn.Cli.Tests.Trace;

/// <summary>`cairn trace` and `cairn cluster` attribute from the intel imported into the data directory, with no --scenario.</summary>
public sealed class TraceIntelCommandTests : IDisposable
{
    private readonly string _data = GeneratedChainData.NewDataDirectoryWithIndex();

    public TraceIntelCommandTests() => GeneratedChainData.ImportScenarioIntel(_data);

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public void Trace_WithImportedIntel_EndsAtTheDepositExchangesInDeFrSg()
    {
        var ransomware = GeneratedChainData.Scenario.Ransomware!;

        var result = CliRunner.Run("--data", _data, "--json", "trace", "--from", ransomware.RansomAddress, "--through-coinjoin", "--max-hops", "12");

        Assert.True(result.ExitCode == 0, result.Error);
        var json = JsonDocument.Parse(result.Output).RootElement;
        var jurisdictions = json.GetProperty("jurisdictions").EnumerateArray().Select(j => j.GetProperty("jurisdiction").GetString()!).ToList();
        Assert.Equal(["DE", "FR", "SG"], jurisdictions.Take(3).Order(StringComparer.Ordinal));
        var attributed = json.GetProperty("endpoints").EnumerateArray().Where(e => e.GetProperty("reason").GetString() == "attributed").ToList();
        Assert.Contains(attributed, e => e.GetProperty("actor").GetString() == "northwind-exchange" && e.GetProperty("jurisdictions")[0].GetString() == "DE");
        Assert.All(attributed, e => Assert.StartsWith("scenario-tags", e.GetProperty("attribution_source").GetString(), StringComparison.Ordinal));
        var endpoints = json.GetProperty("endpoints").EnumerateArray().Sum(e => long.Parse(e.GetProperty("amount_sat").GetString()!, CultureInfo.InvariantCulture));
        var fees = long.Parse(json.GetProperty("fees_sat").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(ransomware.RansomAmountSat, endpoints + fees);
    }

    [Fact]
    public void Trace_NoIntel_AttributesNothing()
    {
        var ransomware = GeneratedChainData.Scenario.Ransomware!;

        var result = CliRunner.Run("--data", _data, "--json", "trace", "--from", ransomware.RansomAddress, "--max-hops", "3", "--no-intel");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Empty(JsonDocument.Parse(result.Output).RootElement.GetProperty("jurisdictions").EnumerateArray());
    }

    [Fact]
    public void Cluster_OfATaggedHotWallet_ShowsTheImportedActor()
    {
        var hot = GeneratedChainData.Scenario.Actors.Single(a => a.Id == "kestrel-markets").TaggedAddresses[0];

        var result = CliRunner.Run("--data", _data, "--json", "cluster", hot);

        Assert.True(result.ExitCode == 0, result.Error);
        var tag = JsonDocument.Parse(result.Output).RootElement.GetProperty("tags")[0];
        Assert.Equal("kestrel-markets", tag.GetProperty("actor_id").GetString());
        Assert.Equal("FR", tag.GetProperty("jurisdictions")[0].GetString());
    }
}
