using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Cairn.Intel.Import;
using Cairn.Intel.Sanctions;
using Cairn.Intel.Screening;
using Cairn.Intel.Tags;

namespace Cairn.Bench.Intel;

/// <summary>
/// Screening throughput on one core against every GraphSense pack and the OFAC lists in
/// ../shared/data, beside a plain <c>HashSet&lt;string&gt;</c> holding the same address strings,
/// probed with the same inputs in the same run. Workloads: listed addresses (hits), well-formed
/// addresses that are not listed (misses: the samourai pack is held out of the index, so its
/// addresses are real, valid and unlisted), and a 50/50 mix.
/// Usage: <c>screening [DATA_DIR] [--lookups N]</c>.
/// </summary>
public sealed class ScreeningBench : IBenchSuite
{
    private const string HeldOutPack = "samourai";

    public string Name => "screening";

    public string Description => "Screening index lookups per second vs HashSet<string> (intel)";

    public Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var lookupsIndex = Array.IndexOf(args, "--lookups");
        var data = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (lookupsIndex < 0 || i != lookupsIndex + 1)).FirstOrDefault() ?? FindSharedData();
        var lookups = lookupsIndex >= 0 ? int.Parse(args[lookupsIndex + 1], CultureInfo.InvariantCulture) : 5_000_000;

        var load = Stopwatch.StartNew();
        var packs = Directory.EnumerateFiles(Path.Combine(data, "graphsense-tagpacks", "packs"), "*.yaml", SearchOption.AllDirectories)
            .Select(p => TagPackReader.Default.ReadFile(p).Content!).ToList();
        var indexed = packs.Where(p => p.Id != HeldOutPack).SelectMany(p => p.Tags).ToList();
        var heldOut = packs.Single(p => p.Id == HeldOutPack).Tags;
        var sanctions = OfacImport.Default.Read([Path.Combine(data, "ofac-sanctioned-digital-currency-addresses"), Path.Combine(data, "ofac-sdn-csv", "sdn.csv")]).Content!;
        var actors = ActorPackReader.Default.ReadFile(Path.Combine(data, "graphsense-tagpacks", "actors", "graphsense.actorpack.yaml")).Content!.Actors;
        output.WriteLine($"loaded {indexed.Count:N0} tags, {sanctions.Count:N0} sanctioned addresses, {actors.Count:N0} actors in {load.Elapsed.TotalSeconds:F1} s");

        var build = Stopwatch.StartNew();
        var index = ScreeningIndexBuilder.Build(indexed, sanctions, actors);
        output.WriteLine($"index: {index.AddressCount:N0} addresses, {index.HitCount:N0} hits, built in {build.Elapsed.TotalSeconds:F2} s");

        var baseline = new HashSet<string>(indexed.Where(t => t.Subject == TagSubject.Address).Select(t => t.Identifier)
            .Concat(sanctions.Select(s => s.Address)), StringComparer.Ordinal);
        var hits = Sample(indexed.Where(t => t.Currency is "BTC" or "ETH").Select(t => t.Identifier).Where(a => index.Match(a, null, out _, out _) == ScreeningStatus.Hit), 100_000);
        var misses = Sample(heldOut.Select(t => t.Identifier).Where(a => index.Match(a, null, out _, out _) == ScreeningStatus.NoHit), 100_000);
        var mixed = hits.Take(misses.Length).Zip(misses, (h, m) => new[] { h, m }).SelectMany(x => x).ToArray();

        output.WriteLine($"{lookups:N0} lookups per workload, single thread");
        output.WriteLine($"{"workload",-10} {"index /s",14} {"HashSet /s",14} {"ratio",7}");
        foreach (var (name, inputs) in new[] { ("hits", hits), ("misses", misses), ("mixed", mixed) })
        {
            var indexRate = Measure(inputs, lookups, a => index.Match(a, null, out _, out _) == ScreeningStatus.Hit);
            var setRate = Measure(inputs, lookups, baseline.Contains);
            output.WriteLine($"{name,-10} {indexRate,14:N0} {setRate,14:N0} {indexRate / setRate,7:F2}");
        }
        return Task.FromResult(0);
    }

    /// <summary>Lookups per second over <paramref name="lookups"/> probes cycling through <paramref name="inputs"/> (after a warm-up pass).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double Measure(string[] inputs, int lookups, Func<string, bool> probe)
    {
        var found = 0;
        foreach (var input in inputs) if (probe(input)) found++;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < lookups; i++)
            if (probe(inputs[i % inputs.Length])) found++;
        var seconds = watch.Elapsed.TotalSeconds;
        GC.KeepAlive(found);
        return lookups / seconds;
    }

    private static string[] Sample(IEnumerable<string> addresses, int max) => addresses.Distinct(StringComparer.Ordinal).Take(max).ToArray();

    private static string FindSharedData()
    {
        var directory = new DirectoryInfo(Environment.CurrentDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cairn.slnx"))) directory = directory.Parent;
        return Path.GetFullPath(Path.Combine(directory?.FullName ?? ".", "..", "shared", "data"));
    }
}
