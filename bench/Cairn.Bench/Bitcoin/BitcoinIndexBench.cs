using System.Diagnostics;
using Cairn.Chains.Bitcoin;
using Cairn.Index.Bitcoin;
using Cairn.Development.Generation;
using static Cairn.Bench.BenchOptions;

namespace Cairn.Bench.Bitcoin;

/// <summary>
/// Ingest throughput beside the machine's double-SHA-256 speed over the same bytes, index size
/// per input/output, a full pass over every output and input, and address lookups beside a
/// Dictionary. Usage: btc-index [--txs N] [--work DIR].
/// </summary>
public sealed class BitcoinIndexBench : IBenchSuite
{
    public string Name => "btc-index";

    public string Description => "Bitcoin ingest, index size, full pass and address lookups on a generated chain";

    public Task<int> RunAsync(string[] args, TextWriter output)
    {
        var txs = Option(args, "--txs", 5_000_000);
        var work = OptionText(args, "--work") ?? Path.Combine(Path.GetTempPath(), $"cairn-bench-btc-{txs}");
        var blocks = Path.Combine(work, "blocks");
        if (!File.Exists(Path.Combine(blocks, ScenarioManifest.FileName)))
        {
            var generation = Stopwatch.StartNew();
            ChainGenerator.Generate(new ChainGeneratorOptions { Transactions = txs, Seed = 42, OutputDirectory = blocks });
            output.WriteLine($"generated {txs:N0} transactions in {generation.Elapsed.TotalSeconds:F1} s");
        }

        // File read alone: every block through the file reader (framing, de-obfuscation, copy),
        // kept in memory so the hashing baseline below sees no I/O.
        var reader = new BlockFileReader(blocks, Network.RegTest);
        var reading = Stopwatch.StartNew();
        var inMemory = new List<ReadOnlyMemory<byte>>();
        long bytes = 0;
        foreach (var record in reader.ReadAll())
        {
            inMemory.Add(record.RawBlock);
            bytes += record.RawBlock.Length;
        }
        var readSeconds = reading.Elapsed.TotalSeconds;
        output.WriteLine($"file read alone (block file reader, 1 core): {bytes / 1e6 / readSeconds:F0} MB/s over {bytes / 1e6:F0} MB in {inMemory.Count:N0} blocks");

        // Baseline (the bound): SHA-256d over the blocks already in memory (no I/O, no parsing in it).
        var hashSeconds = Sha256dBound.BestOfThreeSeconds(inMemory);
        inMemory = null;
        GC.Collect();
        output.WriteLine($"baseline SHA-256d over blocks in memory (1 core, best of 3): {bytes / 1e6 / hashSeconds:F0} MB/s; file read alone is {hashSeconds / readSeconds:F2} x that");

        var indexDir = Path.Combine(work, "index");
        if (Directory.Exists(indexDir)) Directory.Delete(indexDir, recursive: true);
        long peak = 0;
        using var sampler = new Timer(_ => peak = Math.Max(peak, Environment.WorkingSet), null, 0, 50);
        var ingestCpu = Environment.CpuUsage.TotalTime;
        var ingest = Stopwatch.StartNew();
        IngestReport report;
        using (var writer = BitcoinIndexWriter.Open(indexDir, Network.RegTest))
            report = new BitcoinIngest(writer).FromBlockFiles(blocks);
        var ingestSeconds = ingest.Elapsed.TotalSeconds;
        var ingestCpuSeconds = (Environment.CpuUsage.TotalTime - ingestCpu).TotalSeconds;
        sampler.Change(Timeout.Infinite, Timeout.Infinite);
        output.WriteLine($"ingest ({Environment.ProcessorCount} cores): {bytes / 1e6 / ingestSeconds:F0} MB/s, {report.TransactionsAdded / ingestSeconds:N0} tx/s, {ingestSeconds:F1} s; {100 * (bytes / ingestSeconds) / (bytes / hashSeconds):F0}% of the in-memory single-core SHA-256d bound (baseline {bytes / 1e6 / hashSeconds:F0} MB/s; ratio {hashSeconds / ingestSeconds:F3}); {100 * readSeconds / ingestSeconds:F0}% of the file-read rate; peak working set {peak / 1e6:F0} MB");

        output.WriteLine($"ingest writer thread: {report.WriterAppending.TotalSeconds:F1} s appending rows and inserting keys, {report.WriterCommitting.TotalSeconds:F1} s committing (flush, final canonical hash tables), {report.WriterWaiting.TotalSeconds:F1} s waiting for the block scan");
        output.WriteLine($"ingest writer halves: transaction side {report.WriterTransactionSide.TotalSeconds:F2} s, output side {report.WriterOutputSide.TotalSeconds:F2} s (of which growing the txid table {report.WriterTxIdTableGrowth.TotalSeconds:F2} s, the address table {report.WriterAddressTableGrowth.TotalSeconds:F2} s); checkpoints {report.WriterCheckpointing.TotalSeconds:F2} s, final commit {(report.WriterCommitting - report.WriterCheckpointing).TotalSeconds:F2} s");
        output.WriteLine($"ingest final commit steps: {string.Join(", ", report.FinalCommitSteps.OrderByDescending(s => s.Elapsed).Select(s => $"{s.Step} {s.Elapsed.TotalMilliseconds:F0} ms"))}");
        // CPU time is steadier than wall clock on a shared machine: other processes take turns on the cores, not cycles of this work.
        output.WriteLine($"ingest CPU time: {ingestCpuSeconds:F1} s (user + system, all threads) for {ingestSeconds:F1} s of wall clock; {report.TransactionsAdded / ingestCpuSeconds:N0} tx per CPU-second");

        using var index = BitcoinIndex.OpenRead(indexDir);
        var rows = index.InputCount + index.OutputCount;
        var total = index.SizeInBytes();
        var ioColumns = new DirectoryInfo(indexDir).EnumerateFiles("*.col").Where(f => f.Name.StartsWith("out_", StringComparison.Ordinal) || f.Name.StartsWith("in_", StringComparison.Ordinal)).Sum(f => f.Length);
        var files = new DirectoryInfo(indexDir).EnumerateFiles().Where(f => f.Extension is ".col" or ".hidx").OrderByDescending(f => f.Length);
        output.WriteLine($"index files, bytes per input+output: {string.Join(", ", files.Select(f => $"{f.Name} {(double)f.Length / rows:F2}"))}");
        output.WriteLine($"index: {index.TransactionCount:N0} txs, {index.InputCount:N0} inputs, {index.OutputCount:N0} outputs, {index.AddressCount:N0} addresses; {total / 1e6:F0} MB = {(double)total / rows:F1} bytes per input+output in all (input and output columns alone: {(double)ioColumns / rows:F1})");

        // Full pass: every output's value and address, every input's spent output, one core.
        var pass = Stopwatch.StartNew();
        long checksum = 0;
        var values = new long[4096];
        for (var round = 0; round < 3; round++)
        {
            // Values are stored in 5 bytes (docs/chain-index.md), so they are decoded a chunk at a time (CopyValues).
            var addresses = index.OutputAddressSpan();
            for (var start = 0; start < addresses.Length; start += values.Length)
            {
                var chunk = values.AsSpan(0, Math.Min(values.Length, addresses.Length - start));
                index.CopyValues((uint)start, chunk);
                var chunkAddresses = addresses.Slice(start, chunk.Length);
                for (var i = 0; i < chunk.Length; i++) checksum += chunk[i] ^ chunkAddresses[i];
            }
            var spent = index.InputSpentOutputSpan();
            for (var i = 0; i < spent.Length; i++) checksum += spent[i];
        }
        var perSecond = 3 * rows / pass.Elapsed.TotalSeconds;
        output.WriteLine($"full pass: {perSecond / 1e6:F0} million inputs+outputs per second per core (checksum {checksum & 0xffff})");
        var valuesAgree = ValueDecodingPass.Measure(index, output);

        // Address lookups: 1M random known addresses through the persistent hash index vs a Dictionary.
        var random = new Random(1);
        var keys = Enumerable.Range(0, 1_000_000).Select(_ => index.AddressKeyOf((uint)random.NextInt64(index.AddressCount))).ToArray();
        var lookups = Stopwatch.StartNew();
        var found = 0;
        foreach (var key in keys) if (index.TryFindAddress(key, out _)) found++;
        var indexRate = keys.Length / lookups.Elapsed.TotalSeconds;
        var dictionary = new Dictionary<AddressKey, uint>((int)index.AddressCount);
        for (uint a = 0; a < index.AddressCount; a++) dictionary[index.AddressKeyOf(a)] = a;
        var plain = Stopwatch.StartNew();
        var foundPlain = 0;
        foreach (var key in keys) if (dictionary.ContainsKey(key)) foundPlain++;
        var dictionaryRate = keys.Length / plain.Elapsed.TotalSeconds;
        output.WriteLine($"address lookups: {indexRate / 1e6:F2} million/s (found {found:N0}) vs in-memory Dictionary {dictionaryRate / 1e6:F2} million/s (ratio {indexRate / dictionaryRate:F2})");
        return Task.FromResult(found == keys.Length && foundPlain == keys.Length && valuesAgree ? 0 : 1);
    }
}
