using Cairn.Development.Generation;

namespace Cairn.Development.Tests;

/// <summary>The scenario of one generated regtest chain (20,000 transactions, seed 7, as the tracing tests use), generated once per test run.</summary>
public sealed class GeneratedScenario
{
    private static readonly Lazy<GeneratedScenario> Shared = new(() => new GeneratedScenario());

    private GeneratedScenario()
    {
        var blocks = Path.Combine(Path.GetTempPath(), "cairn-development-tests-" + Environment.ProcessId);
        if (Directory.Exists(blocks)) Directory.Delete(blocks, recursive: true);
        ChainGenerator.Generate(new ChainGeneratorOptions { Transactions = 20_000, Seed = 7, OutputDirectory = blocks });
        Scenario = ScenarioManifest.Load(Path.Combine(blocks, ScenarioManifest.FileName));
    }

    public static GeneratedScenario Instance => Shared.Value;

    public ScenarioManifest Scenario { get; }
}
