using System.Diagnostics;
using System.Globalization;
using Cairn.Chains.Bitcoin;

namespace Cairn.Bench.BitcoinParsing;

/// <summary>
/// `btc-parse`: the hot paths the chain index leans on, each beside a baseline from the
/// same run: block parsing (txids included) against double-SHA-256 over the same bytes,
/// script classification and address formatting against a plain pass over the scripts.
/// Input: the real 2021 mainnet SegWit block of 2,500 transactions in ../shared/data.
/// </summary>
public sealed class BitcoinParsingSuite : IBenchSuite
{
    private const string BlockFile = "mainnet_block_000000000000000000000c835b2adcaedc20fdf6ee440009c249452c726dafae.raw";

    public string Name => "btc-parse";

    public string Description => "Bitcoin block parsing, script classification, address encoding (vs SHA-256d / plain scan)";

    public Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 1.0;
        var bytes = File.ReadAllBytes(FindBlock());
        var block = Block.Parse(bytes);
        var scripts = block.Transactions.SelectMany(t => t.Outputs).Select(o => o.ScriptPubKey).ToArray();
        output.WriteLine($"input: {BlockFile[..30]}…, {bytes.Length:N0} bytes, {block.Transactions.Count:N0} txs, {scripts.Length:N0} outputs; {seconds} s per figure");

        // Two baselines: SHA-256d of the whole block in one call (the throughput bound), and
        // SHA-256d of each transaction separately (what computing the txids alone costs).
        var transactions = block.Transactions.Select(t => t.Serialize(withWitness: false)).ToArray();
        var hashRate = Measure(seconds, () => { DoubleSha256.Compute(bytes); return 1; });
        var perTxHashRate = Measure(seconds, () => { foreach (var t in transactions) DoubleSha256.Compute(t); return 1; });
        var parseRate = Measure(seconds, () => { Block.Parse(bytes); return 1; });
        var megabytes = bytes.Length / 1e6;
        output.WriteLine($"parse block (with txids)     {parseRate * megabytes,8:F1} MB/s  {parseRate * block.Transactions.Count / 1e6,6:F3} M tx/s");
        output.WriteLine($"baseline SHA-256d one call   {hashRate * megabytes,8:F1} MB/s  ratio parse/hash {parseRate / hashRate:P0}");
        output.WriteLine($"baseline SHA-256d per tx     {perTxHashRate * megabytes,8:F1} MB/s  ratio parse/hash {parseRate / perTxHashRate:P0}");

        var scanRate = Measure(seconds, () => { var sum = 0; foreach (var s in scripts) sum += s[^1]; return sum; }) * scripts.Length;
        var classifyRate = Measure(seconds, () => { var sum = 0; foreach (var s in scripts) sum += (int)ScriptClassifier.Classify(s); return sum; }) * scripts.Length;
        output.WriteLine($"classify script              {classifyRate / 1e6,8:F1} M/s   baseline scan {scanRate / 1e6:F1} M/s  ratio {classifyRate / scanRate:P0}");

        var buffer = new char[AddressCodec.MaxAddressLength];
        var formatRate = Measure(seconds, () => { var n = 0; foreach (var s in scripts) n += AddressCodec.TryFormat(s, Network.Main, buffer, out var w) ? w : 0; return n; }) * scripts.Length;
        var stringRate = Measure(seconds, () => { var n = 0; foreach (var s in scripts) n += AddressCodec.FromScript(s, Network.Main)?.Length ?? 0; return n; }) * scripts.Length;
        var allocated = AllocatedPerCall(() => { foreach (var s in scripts) AddressCodec.TryFormat(s, Network.Main, buffer, out _); }) / scripts.Length;
        output.WriteLine($"address TryFormat (no alloc) {formatRate / 1e6,8:F2} M/s   FromScript (string) {stringRate / 1e6:F2} M/s  ratio {formatRate / stringRate:P0}; {allocated:F1} B allocated per TryFormat");
        return Task.FromResult(0);
    }

    /// <summary>Calls per second of <paramref name="action"/> over about <paramref name="seconds"/> after a short warm-up.</summary>
    private static double Measure(double seconds, Func<int> action)
    {
        var sink = 0;
        for (var i = 0; i < 3; i++) sink += action();
        var stopwatch = Stopwatch.StartNew();
        long calls = 0;
        while (stopwatch.Elapsed.TotalSeconds < seconds)
        {
            sink += action();
            calls++;
        }
        GC.KeepAlive(sink);
        return calls / stopwatch.Elapsed.TotalSeconds;
    }

    private static double AllocatedPerCall(Action action)
    {
        action();
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    internal static string FindBlock()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "..", "shared", "data", "rust-bitcoin", "bitcoin", "tests", "data", BlockFile);
                if (File.Exists(candidate)) return Path.GetFullPath(candidate);
            }
        }
        throw new FileNotFoundException("reference block not found; run from the repository (../shared/data)", BlockFile);
    }
}
