using System.Diagnostics;
using System.Globalization;
using Cairn.Chains.Bitcoin;
using Cairn.Index.Bitcoin;
using Cairn.Index.Generation;
using Cairn.Tracing.Clustering;
using Cairn.Tracing.Heuristics;
using Cairn.Tracing.Paths;
using Cairn.Tracing.Tracing;

namespace Cairn.Bench.Tracing;

/// <summary>
/// Tracing figures on a generated chain, each beside a baseline in the same run:
/// multi-input clustering (inputs/s, one core) beside a raw pass reading the same input → address
/// columns; a 10-hop haircut trace from outputs with about 1,000 descendants (median, p99) beside
/// a plain breadth-first walk over the same descendants; a path search between addresses 6 hops
/// apart beside a plain 6-hop walk from the source. Usage: <c>tracing [--txs N] [--work DIR] [--seeds N]</c>.
/// </summary>
public sealed class TracingBench : IBenchSuite
{
    private const int TraceHops = 10;
    private const int PathHops = 6;

    public string Name => "tracing";

    public string Description => "Clustering, 10-hop haircut trace and 6-hop path search on a generated chain (tracing)";

    public Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var txs = (int)Option(args, "--txs", 300_000);
        var seedCount = (int)Option(args, "--seeds", 20);
        var work = OptionText(args, "--work") ?? Path.Combine(Path.GetTempPath(), $"cairn-bench-tracing-{txs}");
        using var index = OpenOrBuild(work, txs, output);
        output.WriteLine($"index: {index.TransactionCount:N0} txs, {index.InputCount:N0} inputs, {index.OutputCount:N0} outputs, {index.AddressCount:N0} addresses");

        Clustering(index, output);
        var clusters = AddressClusters.Build(index);
        Trace(index, clusters, seedCount, output);
        PathSearch(index, clusters, seedCount, output);
        return Task.FromResult(0);
    }

    private static BitcoinIndex OpenOrBuild(string work, int txs, TextWriter output)
    {
        var blocks = Path.Combine(work, "blocks");
        var indexDirectory = Path.Combine(work, "index");
        if (IndexManifest.Load(indexDirectory) is null)
        {
            var build = Stopwatch.StartNew();
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
            ChainGenerator.Generate(new ChainGeneratorOptions { Transactions = txs, Seed = 42, OutputDirectory = blocks });
            using (var writer = BitcoinIndexWriter.Open(indexDirectory, Network.RegTest))
                new BitcoinIngest(writer).FromBlockFiles(blocks);
            output.WriteLine($"generated and ingested {txs:N0} transactions in {build.Elapsed.TotalSeconds:F1} s");
        }
        return BitcoinIndex.OpenRead(indexDirectory);
    }

    /// <summary>Best of three: union-find clustering against reading every input's spent output's address.</summary>
    private static void Clustering(BitcoinIndex index, TextWriter output)
    {
        double raw = double.MaxValue, clustering = double.MaxValue;
        long checksum = 0;
        for (var round = 0; round < 3; round++)
        {
            var watch = Stopwatch.StartNew();
            for (uint tx = 0; tx < index.TransactionCount; tx++)
            {
                var (first, end) = index.InputsOf(tx);
                for (var input = first; input < end; input++) checksum += index.AddressOf(index.SpentOutputOf(input));
            }
            raw = Math.Min(raw, watch.Elapsed.TotalSeconds);
            watch.Restart();
            var clusters = AddressClusters.Build(index);
            clustering = Math.Min(clustering, watch.Elapsed.TotalSeconds);
            checksum += clusters.ClusterCount;
        }
        output.WriteLine($"clustering: {index.InputCount / clustering / 1e6:F1} M inputs/s/core ({clustering * 1000:F0} ms); raw input→address pass {index.InputCount / raw / 1e6:F1} M inputs/s ({raw * 1000:F0} ms); ratio {raw / clustering:F2} (checksum {checksum & 0xff})");
    }

    private static void Trace(BitcoinIndex index, AddressClusters clusters, int seedCount, TextWriter output)
    {
        var seeds = SeedsWithDescendants(index, 700, 1_400, seedCount);
        if (seeds.Count == 0)
        {
            output.WriteLine("trace: no output with about 1,000 descendants within 10 hops (use a larger --txs)");
            return;
        }
        var tracer = new Tracer(index, clusters);
        var traceTimes = new List<double>();
        var walkTimes = new List<double>();
        long descendants = 0, endpoints = 0, visited = 0;
        var reasons = new Dictionary<StopReason, int>();
        for (var repeat = 0; repeat < 6; repeat++)
            foreach (var seed in seeds)
            {
                var reference = $"{index.TransactionHash(index.TransactionOfOutput(seed))}:{index.VoutOf(seed)}";
                var watch = Stopwatch.StartNew();
                // No cluster-size stop: the trace has to work through every descendant the walk visits.
                var result = tracer.Trace(new TraceRequest { From = [reference], Model = Cairn.Tracing.Taint.TaintModel.Haircut, MaxHops = TraceHops, LargeClusterSize = long.MaxValue });
                var traceTime = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                var walked = Descendants(index, seed, TraceHops, int.MaxValue);
                var walkTime = watch.Elapsed.TotalMilliseconds;
                if (repeat == 0) continue; // warm-up round
                traceTimes.Add(traceTime);
                walkTimes.Add(walkTime);
                descendants += walked;
                endpoints += result.Endpoints.Count;
                visited += result.TransactionsVisited;
                foreach (var endpoint in result.Endpoints) reasons[endpoint.Reason] = reasons.GetValueOrDefault(endpoint.Reason) + 1;
            }
        output.WriteLine($"trace (haircut, {TraceHops} hops, {seeds.Count} seeds × 5, mean {descendants / walkTimes.Count:N0} descendant outputs, {visited / traceTimes.Count:N0} transactions visited, {endpoints / traceTimes.Count:N0} endpoints ({string.Join(", ", reasons.OrderBy(r => r.Key).Select(r => $"{r.Key} {r.Value / traceTimes.Count}"))})): " +
            $"median {Percentile(traceTimes, 50):F2} ms, p99 {Percentile(traceTimes, 99):F2} ms; plain walk median {Percentile(walkTimes, 50):F2} ms, p99 {Percentile(walkTimes, 99):F2} ms; median ratio {Percentile(traceTimes, 50) / Percentile(walkTimes, 50):F1}");
    }

    private static void PathSearch(BitcoinIndex index, AddressClusters clusters, int pairCount, TextWriter output)
    {
        var finder = new PathFinder(index, clusters);
        var pairs = PairsApart(index, finder, PathHops, pairCount);
        var searchTimes = new List<double>();
        var walkTimes = new List<double>();
        var found = 0;
        long hopsFound = 0, searched = 0, walkedTotal = 0;
        for (var repeat = 0; repeat < 6; repeat++)
            foreach (var (from, to, source) in pairs)
            {
                var watch = Stopwatch.StartNew();
                var result = finder.Find(from, to, PathHops);
                var searchTime = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                long walked = 0;
                foreach (var output0 in index.OutputsOfAddress(source)) walked += Descendants(index, output0, PathHops, int.MaxValue);
                var walkTime = watch.Elapsed.TotalMilliseconds;
                if (repeat == 0) continue;
                searchTimes.Add(searchTime);
                walkTimes.Add(walkTime);
                if (result.Paths.Count > 0) found++;
                hopsFound += result.Paths.Count > 0 ? result.Paths[0].Hops : 0;
                searched += result.OutputsVisited;
                walkedTotal += walked;
            }
        if (searchTimes.Count == 0)
        {
            output.WriteLine("path search: no address pair 6 hops apart found");
            return;
        }
        output.WriteLine($"path search ({PathHops} hops, {pairs.Count} pairs × 5, {found} of {searchTimes.Count} found a path, mean {(double)hopsFound / Math.Max(found, 1):F1} hops, {searched / searchTimes.Count:N0} outputs searched; plain walk {walkedTotal / walkTimes.Count:N0} outputs): median {Percentile(searchTimes, 50):F2} ms, p99 {Percentile(searchTimes, 99):F2} ms; " +
            $"plain {PathHops}-hop walk median {Percentile(walkTimes, 50):F2} ms, p99 {Percentile(walkTimes, 99):F2} ms; median ratio {Percentile(searchTimes, 50) / Math.Max(Percentile(walkTimes, 50), 1e-6):F1}");
    }

    /// <summary>Spent outputs (not into CoinJoins) whose forward walk within 10 hops reaches between <paramref name="low"/> and <paramref name="high"/> outputs.</summary>
    private static List<uint> SeedsWithDescendants(BitcoinIndex index, int low, int high, int count)
    {
        var random = new Random(7);
        var seeds = new List<uint>();
        for (var attempt = 0; attempt < 200_000 && seeds.Count < count; attempt++)
        {
            var output = (uint)random.NextInt64(index.OutputCount);
            if (index.Value(output) < 100_000 || index.SpenderOf(output) is null) continue;
            var reached = Descendants(index, output, TraceHops, high + 1);
            if (reached >= low && reached <= high) seeds.Add(output);
        }
        return seeds;
    }

    /// <summary>Outputs reachable forward from <paramref name="start"/> within <paramref name="hops"/> transactions (CoinJoins not crossed), up to <paramref name="cap"/>.</summary>
    private static int Descendants(BitcoinIndex index, uint start, int hops, int cap)
    {
        var seen = new HashSet<uint> { start };
        var frontier = new List<uint> { start };
        for (var hop = 0; hop < hops && frontier.Count > 0 && seen.Count <= cap; hop++)
        {
            var next = new List<uint>();
            foreach (var output in frontier)
            {
                if (index.SpenderOf(output) is not { } spender || CoinJoinDetector.Detect(index, spender) is not null) continue;
                var (first, end) = index.OutputsOf(spender);
                for (var child = first; child < end; child++)
                    if (seen.Add(child)) next.Add(child);
            }
            frontier = next;
        }
        return seen.Count - 1;
    }

    /// <summary>Address pairs joined by a chain of 6 spends (following each spender's largest output) with no shorter path between them.</summary>
    private static List<(string From, string To, uint Source)> PairsApart(BitcoinIndex index, PathFinder finder, int hops, int count)
    {
        var random = new Random(11);
        var pairs = new List<(string, string, uint)>();
        for (var attempt = 0; attempt < 100_000 && pairs.Count < count; attempt++)
        {
            var output = (uint)random.NextInt64(index.OutputCount);
            var source = index.AddressOf(output);
            if (source == uint.MaxValue || index.OutputCountOfAddress(source) > 20) continue;
            var current = output;
            var ok = true;
            for (var hop = 0; hop < hops && ok; hop++)
            {
                if (index.SpenderOf(current) is not { } spender) { ok = false; break; }
                var (first, end) = index.OutputsOf(spender);
                current = first;
                for (var child = first; child < end; child++) if (index.Value(child) > index.Value(current)) current = child;
            }
            var target = index.AddressOf(current);
            if (!ok || target == uint.MaxValue || target == source) continue;
            var (from, to) = (index.AddressString(source), index.AddressString(target));
            if (finder.Find(from, to, hops).Paths is [var shortest, ..] && shortest.Hops == hops) pairs.Add((from, to, source));
        }
        return pairs;
    }

    private static double Percentile(List<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    private static long Option(string[] args, string name, long fallback) =>
        OptionText(args, name) is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? OptionText(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
