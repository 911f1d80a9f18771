using System.Text.Json;
using Cairn.Development.Generation;

namespace Cairn.Cli.Tests.Trace;

/// <summary>
/// A generated regtest chain (6,000 transactions, seed 3, with the planted ransomware case) ingested
/// once per test run through the CLI; tests that import intel get their own data directory with a
/// copy of the index (<see cref="NewDataDirectoryWithIndex"/>).
/// </summary>
public static class GeneratedChainData
{
    private static readonly Lazy<(string Data, string Scenario)> Chain = new(() =>
    {
        var root = Path.Combine(Path.GetTempPath(), "cairn-trace-cli-" + Environment.ProcessId);
        var blocks = Path.Combine(root, "blocks");
        var data = Path.Combine(root, "data");
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        Assert.Equal(0, CliRunner.Run("dev", "gen-btc", "--txs", "6000", "--seed", "3", "--out", blocks).ExitCode);
        Assert.Equal(0, CliRunner.Run("--data", data, "btc", "ingest", "--blocks", blocks, "--network", "regtest").ExitCode);
        return (data, Path.Combine(blocks, "scenario.json"));
    });

    /// <summary>Data directory holding only the Bitcoin index (no intel).</summary>
    public static string Data => Chain.Value.Data;

    public static string ScenarioPath => Chain.Value.Scenario;

    public static ScenarioManifest Scenario => ScenarioManifest.Load(ScenarioPath);

    public static JsonElement ScenarioJson() => JsonDocument.Parse(File.ReadAllText(ScenarioPath)).RootElement;

    /// <summary>A fresh data directory with a copy of the ingested Bitcoin index.</summary>
    public static string NewDataDirectoryWithIndex()
    {
        var data = Path.Combine(Path.GetTempPath(), "cairn-trace-cli-data-" + Guid.NewGuid().ToString("N"));
        var source = Path.Combine(Data, "btc-index");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(data, "btc-index", Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return data;
    }

    /// <summary>Imports the scenario's fictional actors and tags through `cairn intel import`.</summary>
    public static void ImportScenarioIntel(string data)
    {
        var (actorYaml, tagYaml) = ScenarioPacks.ToPacks(Scenario);
        var actors = Path.Combine(data, "scenario-actors.yaml");
        var tags = Path.Combine(data, "scenario-tags.yaml");
        File.WriteAllText(actors, actorYaml);
        File.WriteAllText(tags, tagYaml);
        var importActors = CliRunner.Run("--data", data, "intel", "import", "actorpack", actors, "--strict");
        Assert.True(importActors.ExitCode == 0, importActors.Error);
        var importTags = CliRunner.Run("--data", data, "intel", "import", "tagpack", tags, "--strict");
        Assert.True(importTags.ExitCode == 0, importTags.Error);
    }
}
