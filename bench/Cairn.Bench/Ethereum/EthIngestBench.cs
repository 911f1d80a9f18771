using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Numerics;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Chains.Ethereum.Ingest;
using Cairn.Chains.Ethereum.Model;
using Cairn.Chains.Ethereum.Rpc;
using Cairn.Chains.Ethereum.Tokens;
using Cairn.Chains.Ethereum.Transfers;
using Cairn.Index.Ethereum;
using Cairn.Tracing.Ethereum;

namespace Cairn.Bench.Ethereum;

/// <summary>
/// eth-ingest: (1) ingest rate from a local Ganache beside the bare JSON-RPC fetch of the same
/// blocks (blocks, receipts, struct-log traces) in the same run; (2) trace latency on a synthetic
/// account graph written straight into the index. Options: [transactions] [synthetic transfers].
/// </summary>
public sealed class EthIngestBench : IBenchSuite
{
    public string Name => "eth-ingest";

    public string Description => "Ethereum ingest from Ganache vs bare RPC fetch; trace latency on a synthetic graph";

    public async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var transactions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
        var transfers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000_000;
        await IngestAsync(transactions, output);
        Trace(transfers, output);
        return 0;
    }

    private static async Task IngestAsync(int transactions, TextWriter output)
    {
        var root = FindRoot();
        var port = FreePort();
        using var ganache = Process.Start(new ProcessStartInfo("node")
        {
            ArgumentList = { Path.Combine(root, "node_modules", "ganache", "dist", "node", "cli.js"), "--wallet.deterministic", "--chain.chainId", "1337", "--server.host", "127.0.0.1", "--server.port", port.ToString(CultureInfo.InvariantCulture), "--logging.quiet" },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler());
            var client = new EthJsonRpcClient(http, new Uri($"http://127.0.0.1:{port}"), new EthRpcOptions { MaxRetries = 0 });
            while (true)
            {
                try { await client.CallAsync("eth_blockNumber", []); break; }
                catch (Core.CairnException) { await Task.Delay(100); }
            }
            var accounts = (await client.CallAsync("eth_accounts", [])).EnumerateArray().Select(a => a.GetString()!).ToList();
            for (var i = 0; i < transactions; i++)
                await client.CallAsync("eth_sendTransaction", [new Dictionary<string, string> { ["from"] = accounts[i % 10], ["to"] = accounts[(i + 3) % 10], ["value"] = Hex.FromQuantity(1000 + i) }]);
            var tip = Hex.ToInt64((await client.CallAsync("eth_blockNumber", [])).GetString()!);

            var fetchWatch = Stopwatch.StartNew();
            var fetcher = new EthBlockFetcher(client);
            for (long first = 0; first <= tip; first += 50) await fetcher.FetchAsync(first, Math.Min(tip, first + 49));
            fetchWatch.Stop();

            var directory = Path.Combine(Path.GetTempPath(), "cairn-eth-bench-" + Guid.NewGuid().ToString("N"));
            var ingestWatch = Stopwatch.StartNew();
            EthIngestReport report;
            using (var writer = EthereumIndexWriter.Open(directory))
                report = await new EthIngestor(new EthBlockFetcher(client), new TokenMetadataReader(client)).RunAsync(writer, new EthIngestOptions());
            ingestWatch.Stop();
            Directory.Delete(directory, recursive: true);
            var blocks = tip + 1;
            var moved = report.NativeTransfers + report.InternalTransfers + report.TokenTransfers;
            output.WriteLine($"ingest from Ganache: {blocks} blocks, {moved} transfers");
            output.WriteLine($"  bare RPC fetch : {fetchWatch.Elapsed.TotalSeconds:F2} s  {blocks / fetchWatch.Elapsed.TotalSeconds:F0} blocks/s");
            output.WriteLine($"  full ingest    : {ingestWatch.Elapsed.TotalSeconds:F2} s  {blocks / ingestWatch.Elapsed.TotalSeconds:F0} blocks/s, {moved / ingestWatch.Elapsed.TotalSeconds:F0} transfers/s");
            output.WriteLine($"  ingest / fetch : {ingestWatch.Elapsed / fetchWatch.Elapsed:F2}x (overhead {(ingestWatch.Elapsed / fetchWatch.Elapsed - 1) * 100:F0}%)");
        }
        finally
        {
            ganache.Kill(entireProcessTree: true);
        }
    }

    private static void Trace(int transfers, TextWriter output)
    {
        var directory = Path.Combine(Path.GetTempPath(), "cairn-eth-bench-graph-" + Guid.NewGuid().ToString("N"));
        var addresses = Math.Max(1000, transfers / 5);
        var random = new Random(42);
        var build = Stopwatch.StartNew();
        using (var writer = EthereumIndexWriter.Open(directory))
        {
            var perBlock = 10_000;
            var names = Enumerable.Range(0, addresses).Select(i => "0x" + (i + 1).ToString("x40", CultureInfo.InvariantCulture)).ToArray();
            for (var blockNumber = 0; blockNumber * perBlock < transfers; blockNumber++)
            {
                var hash = "0x" + blockNumber.ToString("x64", CultureInfo.InvariantCulture);
                var tx = new EthTransaction(hash, blockNumber, 0, names[0], names[1], 0, 0, 0, null, "0x", 2);
                var count = Math.Min(perBlock, transfers - blockNumber * perBlock);
                var rows = new ValueTransfer[count];
                for (var i = 0; i < count; i++)
                {
                    // Preferential attachment light: a fifth of the traffic goes to 1% "hub" addresses.
                    var from = random.Next(addresses);
                    var to = random.Next(5) == 0 ? random.Next(addresses / 100) : random.Next(addresses);
                    rows[i] = new ValueTransfer(TransferKind.Native, names[from], names[to == from ? (to + 1) % addresses : to], null, new BigInteger(random.NextInt64(1, 1_000_000_000_000)), null, hash, blockNumber, i);
                }
                var block = new EthBlock(blockNumber, hash, hash, 1_600_000_000 + blockNumber, names[0], 0, [tx]);
                writer.Append(new EthBlockBundle(block, [new EthReceipt(hash, 0, blockNumber, hash, true, 0, 0, null, null, [])], rows));
                if (blockNumber % 50 == 49) writer.Commit();
            }
            writer.RebuildAdjacency();
        }
        build.Stop();
        using var index = EthereumIndex.Open(directory);
        output.WriteLine($"synthetic graph: {index.TransferCount} transfers, {index.AddressCount} addresses, written and adjacency built in {build.Elapsed.TotalSeconds:F1} s");
        var lookup = new HubLookup(addresses / 100);
        foreach (var model in new[] { EthTaintModel.Fifo, EthTaintModel.Haircut, EthTaintModel.Poison })
        {
            var seeds = Enumerable.Range(0, 5).Select(i => "0x" + (addresses / 2 + i * 7919 % (addresses / 2) + 1).ToString("x40", CultureInfo.InvariantCulture)).ToList();
            // Baseline in the same run: a plain breadth-first walk over the same adjacency and hop limit, no taint arithmetic.
            var baseline = Stopwatch.StartNew();
            long visited = 0;
            foreach (var seed in seeds) visited += Reachable(index, index.AddressId(seed), 4);
            baseline.Stop();
            var watch = Stopwatch.StartNew();
            long examined = 0;
            foreach (var seed in seeds) examined += EthereumTracer.Trace(index, new EthTraceRequest(seed) { Model = model, MaxHops = 4, MaxTransfers = 2_000_000 }, lookup).ExaminedTransfers;
            watch.Stop();
            output.WriteLine($"  trace {model,-8} 4 hops: {watch.Elapsed.TotalMilliseconds / seeds.Count:F1} ms/trace ({examined / seeds.Count} transfers examined); BFS baseline {baseline.Elapsed.TotalMilliseconds / seeds.Count:F1} ms ({visited / seeds.Count} rows); ratio {watch.Elapsed / baseline.Elapsed:F2}x");
        }
        Directory.Delete(directory, recursive: true);
    }

    private static long Reachable(EthereumIndex index, int seed, int hops)
    {
        var seen = new HashSet<int> { seed };
        var frontier = new List<int> { seed };
        long rows = 0;
        for (var hop = 0; hop < hops && frontier.Count > 0; hop++)
        {
            var next = new List<int>();
            foreach (var address in frontier)
                foreach (var row in index.OutgoingSpan(address))
                {
                    rows++;
                    if (seen.Add(index.ToId(row))) next.Add(index.ToId(row));
                }
            frontier = next;
        }
        return rows;
    }

    private sealed class HubLookup(int hubs) : IEthAttributionLookup
    {
        public EthAttribution? Lookup(string lowerCaseAddress) =>
            long.Parse(lowerCaseAddress.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) <= hubs / 2 ? new EthAttribution("hub", "exchange", ["XX"]) : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(Environment.CurrentDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cairn.slnx"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("run from inside the repository");
    }
}
