using System.Diagnostics;
using System.Globalization;
using Cairn.Development.Validation;
using Cairn.Development.Validation.Real;
using Cairn.Tracing.Heuristics.ErrorRates;
using static Cairn.Bench.BenchOptions;

namespace Cairn.Bench.Heuristics;

/// <summary>
/// Measures the error rates of every heuristic (docs/heuristics.md) and writes the versioned
/// results the reports quote: data/heuristics/figures.json (a large generated chain and the real
/// data sets), data/heuristics/figures-seed11-5000.json (a small chain a test re-measures), and the
/// figures section of docs/heuristics.md. Run at the repository root after
/// data/heuristics/fetch-sources.sh. Usage: <c>heuristics [--txs N=1000000] [--seed S=1]
/// [--sources DIR=.heuristics-sources] [--shared DIR=../shared/data] [--work DIR] [--no-real]</c>.
/// </summary>
public sealed class HeuristicsBench : IBenchSuite
{
    /// <summary>The small chain the reproducibility test re-measures (tests/Cairn.Development.Tests).</summary>
    public const long CheckTransactions = 5_000;
    public const ulong CheckSeed = 11;

    public string Name => "heuristics";

    public string Description => "Precision and recall of every heuristic on a generated chain and real labelled data (writes data/heuristics/)";

    public Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var root = RepositoryRoot();
        var txs = Option(args, "--txs", 1_000_000);
        var seed = (ulong)Option(args, "--seed", 1);
        var work = OptionText(args, "--work") ?? Path.Combine(Path.GetTempPath(), "cairn-bench-heuristics");
        var sources = new RealDataSources(
            Path.GetFullPath(OptionText(args, "--shared") ?? Path.Combine(root, "..", "shared", "data")),
            Path.GetFullPath(OptionText(args, "--sources") ?? Path.Combine(root, ".heuristics-sources")));
        var today = TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var commit = GitHead(root);
        var watch = Stopwatch.StartNew();

        var (check, checkMeasurements) = HeuristicsMeasurement.MeasureGenerated(CheckTransactions, CheckSeed, Path.Combine(work, "check"), output);
        var checkFigures = HeuristicsMeasurement.Assemble([check], checkMeasurements, today,
            $"dotnet run --project bench/Cairn.Bench -c Release -- heuristics (the small chain: seed {CheckSeed}, {CheckTransactions:N0} transactions)", commit);
        Write(Path.Combine(root, "data", "heuristics", $"figures-seed{CheckSeed}-{CheckTransactions}.json"), checkFigures.Serialize(), output);

        var (generated, measurements) = HeuristicsMeasurement.MeasureGenerated(txs, seed, Path.Combine(work, "large"), output);
        output.WriteLine($"generated chain measured in {watch.Elapsed.TotalSeconds:F0} s");
        var dataSets = new List<MeasuredDataSet> { generated };
        var all = new List<RuleMeasurement>(measurements);
        if (!args.Contains("--no-real"))
        {
            var (realSets, realMeasurements) = HeuristicsMeasurement.MeasureReal(sources, output);
            dataSets.AddRange(realSets);
            all.AddRange(realMeasurements);
        }
        var command = "data/heuristics/fetch-sources.sh && dotnet run --project bench/Cairn.Bench -c Release -- heuristics"
            + (txs != 1_000_000 ? $" --txs {txs}" : "") + (seed != 1 ? $" --seed {seed}" : "") + (args.Contains("--no-real") ? " --no-real" : "");
        var figures = HeuristicsMeasurement.Assemble(dataSets, all, today, command, commit);
        Write(Path.Combine(root, "data", "heuristics", "figures.json"), figures.Serialize(), output);
        var page = Path.Combine(root, "docs", "heuristics.md");
        Write(page, HeuristicFiguresMarkdown.ReplaceSection(File.ReadAllText(page), figures), output);
        output.WriteLine($"done in {watch.Elapsed.TotalSeconds:F0} s");
        foreach (var m in figures.Measurements)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{m.Rule,-24} {m.DataSet,-28} {m.Evidence,-20} P={m.Precision?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "-",-7} n={m.PrecisionSupport?.ToString(CultureInfo.InvariantCulture) ?? "-",-10} R={m.Recall?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "-",-7} n={m.RecallSupport?.ToString(CultureInfo.InvariantCulture) ?? "-"}"));
        return Task.FromResult(0);
    }

    private static void Write(string path, string text, TextWriter output)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
        output.WriteLine($"wrote {path}");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(Environment.CurrentDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cairn.slnx"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("run at the repository root (Cairn.slnx not found above " + Environment.CurrentDirectory + ")");
    }

    private static string GitHead(string root)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["-C", root, "rev-parse", "HEAD"]) { RedirectStandardOutput = true, RedirectStandardError = true });
            var head = git!.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? head : "";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "";
        }
    }
}
