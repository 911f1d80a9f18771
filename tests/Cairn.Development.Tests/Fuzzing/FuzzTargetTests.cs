using Cairn.Development.Fuzzing;
using Cairn.TestSupport;

namespace Cairn.Development.Tests.Fuzzing;

/// <summary>
/// Issue 17: every parser and entry point survives 500 mutated cases from fixed seeds: each input
/// is accepted or refused with a one-line CairnException, nothing else is thrown, nothing hangs.
/// (The bench runs 10,000 per target: dotnet run --project bench/Cairn.Bench -c Release -- fuzz.)
/// </summary>
public sealed class FuzzTargetTests
{
    public const int CasesPerTarget = 500;
    public const ulong Seed = 17;

    private static readonly Lazy<IReadOnlyList<FuzzTarget>> Targets = new(() =>
        FuzzCatalogue.CreateAsync(new FuzzSeeds(SharedData.RepositoryRoot, SharedData.Root)).GetAwaiter().GetResult());

    public static TheoryData<string> TargetNames()
    {
        var names = new TheoryData<string>();
        foreach (var target in Targets.Value) names.Add(target.Name);
        return names;
    }

    [Theory]
    [MemberData(nameof(TargetNames))]
    public void Target_Survives500MutatedCases_WithOneLineRefusalsOnly(string name)
    {
        var target = Targets.Value.Single(t => t.Name == name);

        var report = FuzzRunner.Run(target, CasesPerTarget, Seed, TimeSpan.FromSeconds(30));

        Assert.True(report.Clean, string.Join("\n", report.Findings.Select(f => $"{f.Kind}: {f.Problem} (minimised: {Convert.ToHexString(f.Minimised)})")));
        Assert.Equal(CasesPerTarget, report.Cases);
        Assert.True(report.Refused > 0, $"{name}: no case was refused, so the mutations never reached the parser's checks");
    }

    [Fact]
    public void ActorPackSeeds_AreSlicesOfGraphSensesRealPack_ThatTheReaderAccepts()
    {
        // The real pack is above the seed size limit; without slices the target fuzzed only "actors: []" and accepted nothing.
        var target = Targets.Value.Single(t => t.Name == "actorpack-yaml");
        Assert.True(target.Seeds.Count >= 8, $"{target.Seeds.Count} seeds");
        foreach (var seed in target.Seeds)
        {
            var read = Cairn.Intel.Import.ActorPackReader.Default.Read("seed.actorpack.yaml", seed);
            Assert.DoesNotContain(read.Issues, i => i.Severity == Cairn.Intel.Import.IssueSeverity.Error);
        }
    }

    [Fact]
    public void TheCatalogue_CoversEveryParserTheIssueNames()
    {
        var names = Targets.Value.Select(t => t.Name).ToHashSet();
        foreach (var expected in new[]
                 {
                     "btc-block", "btc-transaction", "btc-block-file", "btc-address", "eth-rlp", "eth-address", "eth-block-json", "eth-receipt-json",
                     "tagpack-yaml", "actorpack-yaml", "legal-yaml", "ofac-list", "ofac-sdn-csv", "ivms101-json", "goaml-config", "evidence-package", "envelope",
                 })
            Assert.Contains(expected, names);
        Assert.All(Targets.Value, t => Assert.NotEmpty(t.Seeds));
    }
}
