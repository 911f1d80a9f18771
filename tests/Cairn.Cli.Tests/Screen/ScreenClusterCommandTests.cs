using System.Text.Json;
using Cairn.Cli.Tests.Trace;

namespace Cairn.Cli.Tests.Screen;

/// <summary>`cairn screen` reports hits on an address's multi-input cluster when the data directory has a Bitcoin index.</summary>
public sealed class ScreenClusterCommandTests : IDisposable
{
    private readonly string _data = GeneratedChainData.NewDataDirectoryWithIndex();

    public ScreenClusterCommandTests() => GeneratedChainData.ImportScenarioIntel(_data);

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public void Screen_UntaggedAddressInATaggedCluster_ReportsTheClusterHit()
    {
        var hot = GeneratedChainData.Scenario.Actors.Single(a => a.Id == "lionsgate-digital").TaggedAddresses[0];
        var cluster = JsonDocument.Parse(CliRunner.Run("--data", _data, "--json", "cluster", hot, "--limit", "10000").Output).RootElement;
        var member = cluster.GetProperty("addresses").EnumerateArray().Select(a => a.GetString()!).First(a => a != hot);

        var result = CliRunner.Run("--data", _data, "--json", "screen", member);

        Assert.True(result.ExitCode == 0, result.Error);
        var screening = JsonDocument.Parse(result.Output).RootElement[0];
        Assert.Equal("hit", screening.GetProperty("status").GetString());
        Assert.Empty(screening.GetProperty("hits").EnumerateArray());
        Assert.Equal(cluster.GetProperty("cluster_id").GetInt64(), screening.GetProperty("cluster_id").GetInt64());
        var clusterHit = Assert.Single(screening.GetProperty("cluster_hits").EnumerateArray());
        Assert.Equal(hot, clusterHit.GetProperty("address").GetString());
        Assert.Equal("lionsgate-digital", clusterHit.GetProperty("hit").GetProperty("actor").GetString());
        Assert.Equal("SG", clusterHit.GetProperty("hit").GetProperty("jurisdictions")[0].GetString());
    }

    [Fact]
    public void Screen_NoClusters_ReportsOnlyDirectHits()
    {
        var hot = GeneratedChainData.Scenario.Actors.Single(a => a.Id == "lionsgate-digital").TaggedAddresses[0];
        var cluster = JsonDocument.Parse(CliRunner.Run("--data", _data, "--json", "cluster", hot, "--limit", "10000").Output).RootElement;
        var member = cluster.GetProperty("addresses").EnumerateArray().Select(a => a.GetString()!).First(a => a != hot);

        var result = CliRunner.Run("--data", _data, "--json", "screen", member, "--no-clusters");

        Assert.True(result.ExitCode == 0, result.Error);
        var screening = JsonDocument.Parse(result.Output).RootElement[0];
        Assert.Equal("no_hit", screening.GetProperty("status").GetString());
        Assert.True(screening.GetProperty("cluster_id").ValueKind == JsonValueKind.Null);
    }
}
