using System.Diagnostics;
using System.Globalization;
using Cairn.Bench.Tracing;
using Cairn.Chains.Bitcoin;
using Cairn.Development.Generation;
using Cairn.Index.Bitcoin;
using Cairn.Tracing.Clustering;
using static Cairn.Bench.BenchOptions;

namespace Cairn.Bench.Bitcoin;

/// <summary>
/// The scale run of issue 19: a generated chain of tens of millions of transactions generated
/// (or reused from <c>--work</c>), ingested, clustered and traced on this machine, each phase with
/// its wall and CPU time, peak working set and disk; ingest beside the in-memory SHA-256d bound
/// measured on a sample (the whole chain does not fit in memory); then a projection to the full
/// Bitcoin chain with the formula printed beside the figures it uses.
/// Usage: <c>btc-scale [--txs N] [--work DIR] [--sample-mb M] [--seeds N] [--large-seeds N]
/// [--full-chain-txs N] [--server-cores C] [--server-ram-gb G] [--keep-index]</c>.
/// </summary>
public sealed class BitcoinScaleBench : IBenchSuite
{
    public string Name => "btc-scale";

    public string Description => "Scale run: tens of millions of generated transactions ingested, clustered and traced; memory, disk, projection to the full chain";

    public async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var txs = Option(args, "--txs", 20_000_000);
        var work = OptionText(args, "--work") ?? Path.Combine(Path.GetTempPath(), $"cairn-bench-scale-{txs}");
        var sampleBytes = Option(args, "--sample-mb", 1024) * 1_000_000;
        // An assumption the user can change, not a measured fact: roughly the number of transactions on the
        // Bitcoin main chain by late 2026 (it passed one billion in 2024).
        var fullChainTxs = Option(args, "--full-chain-txs", 1_200_000_000);
        var serverCores = Option(args, "--server-cores", 16);
        var serverRamGb = Option(args, "--server-ram-gb", 256);
        var blocks = Path.Combine(work, "blocks");
        var indexDir = Path.Combine(work, "index");

        if (!File.Exists(Path.Combine(blocks, ScenarioManifest.FileName)))
        {
            if (Directory.Exists(blocks)) Directory.Delete(blocks, recursive: true);
            var generated = Phase.Run(() => ChainGenerator.Generate(new ChainGeneratorOptions { Transactions = txs, Seed = 42, OutputDirectory = blocks }));
            output.WriteLine($"generate {txs:N0} transactions: {generated}");
        }
        var blockBytes = DirectoryBytes(blocks);
        output.WriteLine($"blocks on disk: {blockBytes / 1e9:F2} GB in {Directory.GetFiles(blocks, "blk*.dat").Length} files");

        var boundBytesPerSecond = HashBound(blocks, sampleBytes, output);

        if (Directory.Exists(indexDir)) Directory.Delete(indexDir, recursive: true);
        IngestReport report = null!;
        var ingest = Phase.Run(() =>
        {
            using var writer = BitcoinIndexWriter.Open(indexDir, Network.RegTest);
            report = new BitcoinIngest(writer).FromBlockFiles(blocks);
        });
        var ingestRate = blockBytes / ingest.Wall;
        output.WriteLine($"ingest ({Environment.ProcessorCount} cores): {ingest}; {ingestRate / 1e6:F0} MB/s, {report.TransactionsAdded / ingest.Wall:N0} tx/s; " +
            $"{100 * ingestRate / boundBytesPerSecond:F0}% of the in-memory single-core SHA-256d bound (ratio {ingestRate / boundBytesPerSecond:F3})");

        long rows, indexBytes, transactions, inputs;
        Phase clustering;
        using (var index = BitcoinIndex.OpenRead(indexDir))
        {
            rows = index.InputCount + index.OutputCount;
            indexBytes = index.SizeInBytes();
            (transactions, inputs) = (index.TransactionCount, index.InputCount);
            output.WriteLine($"index: {index.TransactionCount:N0} txs, {index.InputCount:N0} inputs, {index.OutputCount:N0} outputs, {index.AddressCount:N0} addresses; " +
                $"{indexBytes / 1e9:F2} GB = {(double)indexBytes / rows:F1} bytes per input+output in all");
            long clusters = 0;
            clustering = Phase.Run(() => clusters = AddressClusters.Build(index).ClusterCount);
            output.WriteLine($"clustering (multi-input, one pass): {clustering}; {index.InputCount / 1e6 / clustering.Wall:F1} M inputs/s by wall clock; {clusters:N0} clusters");
        }

        output.WriteLine("traces on the same index (tracing suite, --index):");
        var tracingArgs = new List<string> { "--index", indexDir, "--only", "trace", "--seeds", OptionText(args, "--seeds") ?? "10", "--large-seeds", OptionText(args, "--large-seeds") ?? "3" };
        if (OptionText(args, "--large-min") is { } largeMin) tracingArgs.AddRange(["--large-min", largeMin]);
        var traced = await new TracingBench().RunAsync([.. tracingArgs], output).ConfigureAwait(false);

        Projection(output, new ProjectionInputs(transactions, inputs, rows, blockBytes, indexBytes, ingest, clustering, fullChainTxs, serverCores, serverRamGb));
        using (var index = BitcoinIndex.OpenRead(indexDir))
        {
            var (smallest, largest) = IndexProjectionBench.Write(output, index, IndexProjectionBench.MainnetShape.Sourced);
            output.WriteLine($"  on the main chain's shape the index is {smallest / 1e9:F0}–{largest / 1e9:F0} GB: " +
                $"{(largest < serverRamGb * 0.8e9 ? "fits" : "does not fit")} in 80% of a {serverRamGb} GB server's memory");
        }
        if (!args.Contains("--keep-index")) Directory.Delete(indexDir, recursive: true);
        return traced;
    }

    /// <summary>
    /// Single-core SHA-256d over the first <paramref name="sampleBytes"/> of blocks, read into memory
    /// first (so no I/O in it), one call per block, best of three. Returns bytes per second.
    /// </summary>
    private static double HashBound(string blocks, long sampleBytes, TextWriter output)
    {
        var sample = new List<ReadOnlyMemory<byte>>();
        long bytes = 0;
        var reading = Stopwatch.StartNew();
        foreach (var record in new BlockFileReader(blocks, Network.RegTest).ReadAll())
        {
            sample.Add(record.RawBlock);
            bytes += record.RawBlock.Length;
            if (bytes >= sampleBytes) break;
        }
        var readSeconds = reading.Elapsed.TotalSeconds;
        var best = Sha256dBound.BestOfThreeSeconds(sample);
        output.WriteLine($"baseline SHA-256d over {bytes / 1e6:F0} MB of blocks in memory (1 core, best of 3): {bytes / 1e6 / best:F0} MB/s; file read alone {bytes / 1e6 / readSeconds:F0} MB/s ({best / readSeconds:F2} x the bound)");
        return bytes / best;
    }

    private sealed record ProjectionInputs(long Transactions, long Inputs, long Rows, long BlockBytes, long IndexBytes, Phase Ingest, Phase Clustering, long FullChainTxs, long ServerCores, long ServerRamGb);

    /// <summary>
    /// Linear in transactions (the index, the ingest and the clustering pass are each one pass over the rows):
    /// scale = full-chain transactions / transactions here. Time on the server lies between the CPU time spread
    /// over all its cores (every part parallel) and this machine's wall clock per core-second used (nothing
    /// parallel beyond what ran here), both times the scale.
    /// </summary>
    private static void Projection(TextWriter output, ProjectionInputs p)
    {
        var scale = (double)p.FullChainTxs / p.Transactions;
        var indexGb = p.IndexBytes * scale / 1e9;
        var blocksGb = p.BlockBytes * scale / 1e9;
        var (ingestLow, ingestHigh) = (p.Ingest.Cpu * scale / p.ServerCores, p.Ingest.Wall * scale);
        output.WriteLine($"projection to {p.FullChainTxs:N0} transactions (scale s = {p.FullChainTxs:N0} / {p.Transactions:N0} = {scale:F1}; assumes the generated chain's " +
            $"{(double)p.Rows / p.Transactions:F2} inputs+outputs and {p.BlockBytes / (double)p.Transactions:F0} block bytes per transaction hold for the real chain):");
        output.WriteLine($"  blocks ≈ bytes here × s = {blocksGb:F0} GB; index ≈ index bytes here × s = {indexGb:F0} GB " +
            $"({(indexGb < p.ServerRamGb * 0.8 ? "fits" : "does not fit")} in 80% of a {p.ServerRamGb} GB server's memory)");
        output.WriteLine($"  ingest between CPU × s / {p.ServerCores} cores = {ingestLow / 3600:F1} h (every part parallel) and wall × s = {ingestHigh / 3600:F1} h (no more parallel than here)");
        output.WriteLine($"  clustering ≈ wall × s = {p.Clustering.Wall * scale / 60:F1} min on one core; union-find memory ≈ 8 bytes × addresses");
    }

    private static long DirectoryBytes(string directory) =>
        new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    /// <summary>One phase's wall clock, this process's CPU time and the peak working set sampled every 100 ms while it ran.</summary>
    private sealed record Phase(double Wall, double Cpu, long PeakWorkingSet)
    {
        public static Phase Run(Action action)
        {
            using var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            long peak = Environment.WorkingSet;
            using var sampler = new Timer(_ => peak = Math.Max(peak, Environment.WorkingSet), null, 0, 100);
            var wall = Stopwatch.StartNew();
            action();
            var seconds = wall.Elapsed.TotalSeconds;
            sampler.Change(Timeout.Infinite, Timeout.Infinite);
            process.Refresh();
            return new Phase(seconds, (process.TotalProcessorTime - cpu).TotalSeconds, Math.Max(peak, Environment.WorkingSet));
        }

        public override string ToString() =>
            $"{Wall:F1} s wall, {Cpu:F1} s CPU, peak working set {PeakWorkingSet / 1e9:F2} GB";
    }
}
