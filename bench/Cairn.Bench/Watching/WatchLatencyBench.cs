using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Cairn.Cases.Agencies;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Chains.Ethereum.Rpc;
using Cairn.Core.Paging;
using Cairn.Workspace;
using Cairn.Workspace.Cases;
using Cairn.Workspace.Chain;
using Cairn.Workspace.Watching;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Bench.Watching;

/// <summary>
/// `watch-latency`: block to alert on the watch path, on a real Ethereum node (Ganache, instant mining). A case
/// watches one account; each round sends a transaction from an unwatched account and ingests it (the baseline:
/// the product's ingest, its listeners telling the watchlists, nothing to raise), then one from the watched account
/// and ingests it (the alert path: ingest, evaluation, alert and followed address stored with their custody
/// entries). Block to alert is measured from the mined receipt (Ganache mines on send) to the alert being stored,
/// and from the alert's block time (whole seconds) to its raised_at.
/// </summary>
public sealed class WatchLatencyBench : IBenchSuite
{
    public string Name => "watch-latency";

    public string Description => "block-to-alert latency on the watch path (Ganache, cairn's ingest and watchlists) vs the same ingest raising nothing [--rounds N]";

    public async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var at = Array.IndexOf(args, "--rounds");
        var rounds = at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 20;
        var root = FindRoot();
        var port = FreePort();
        using var ganache = Process.Start(new ProcessStartInfo("node")
        {
            ArgumentList = { Path.Combine(root, "node_modules", "ganache", "dist", "node", "cli.js"), "--wallet.deterministic", "--chain.chainId", "1337", "--server.host", "127.0.0.1", "--server.port", port.ToString(CultureInfo.InvariantCulture), "--logging.quiet" },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var data = Directory.CreateTempSubdirectory("cairn-watch-bench-").FullName;
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler());
            var rpc = $"http://127.0.0.1:{port}";
            var client = new EthJsonRpcClient(http, new Uri(rpc), new EthRpcOptions { MaxRetries = 0 });
            while (true)
            {
                try { await client.CallAsync("eth_blockNumber", []); break; }
                catch (Core.CairnException) when (!ganache.HasExited) { await Task.Delay(100); }
            }
            var accounts = (await client.CallAsync("eth_accounts", [])).EnumerateArray().Select(a => a.GetString()!).ToList();
            await using var services = new ServiceCollection().AddCairnWorkspace(new WorkspaceOptions { DataDirectory = data }).BuildServiceProvider();
            var actor = new Actor("bench", "nca-uk");
            var chains = services.GetRequiredService<ChainService>();
            var watches = services.GetRequiredService<WatchService>();
            await services.GetRequiredService<CaseService>().CreateAsync(actor, new NewCaseRequest("BENCH-W", "watch latency", "fraud"));
            await Send(client, accounts[1], accounts[2]);
            await chains.IngestAccountAsync("eth", new EthereumIngestRequest(rpc));
            await watches.AddAsync(actor, "BENCH-W", new WatchRequest("eth", "address", accounts[0]));

            var quiet = new List<double>();
            var alerted = new List<double>();
            var blockToRaised = new List<double>();
            var raisedTotal = 0L;
            for (var round = 0; round <= rounds; round++)
            {
                await Send(client, accounts[3], accounts[4]);
                var watch = Stopwatch.StartNew();
                await chains.IngestAccountAsync("eth", new EthereumIngestRequest(rpc));
                var quietMs = watch.Elapsed.TotalMilliseconds;

                var before = (await watches.AlertsAsync(actor, "BENCH-W", new PageRequest(0, 1))).Total;
                // A fresh recipient each round, so every round raises funds_left (and follows a new address).
                await Send(client, accounts[0], "0x" + (0x10000 + round).ToString("x40", CultureInfo.InvariantCulture)); // clear of the precompiles (0x01…0x0a)
                watch.Restart();
                await chains.IngestAccountAsync("eth", new EthereumIngestRequest(rpc));
                var alertMs = watch.Elapsed.TotalMilliseconds;
                var page = await watches.AlertsAsync(actor, "BENCH-W", new PageRequest(0, 1));
                if (page.Total <= before) throw new InvalidOperationException($"round {round}: no alert raised");
                if (round == 0) continue; // warm-up
                quiet.Add(quietMs);
                alerted.Add(alertMs);
                raisedTotal = page.Total;
                if (page.Items[0].BlockTime is { } blockTime) blockToRaised.Add((page.Items[0].RaisedAt - blockTime).TotalMilliseconds);
            }
            var (q, a, b) = (Stats(quiet), Stats(alerted), Stats(blockToRaised));
            output.WriteLine($"watch path on Ganache: {rounds} rounds (one warm-up left out), {raisedTotal} alerts raised, one watch plus the addresses it followed");
            output.WriteLine($"  ingest of a block, nothing watched in it (baseline) : median {q.Median:F1} ms, p90 {q.P90:F1} ms, best {q.Best:F1} ms");
            output.WriteLine($"  mined block to alert stored (ingest + watchlists)  : median {a.Median:F1} ms, p90 {a.P90:F1} ms, best {a.Best:F1} ms  ({a.Median / q.Median:F2} x the baseline)");
            output.WriteLine($"  alert raised_at minus the block's time (whole seconds, so up to 1 s more) : median {b.Median:F0} ms, max {b.Max:F0} ms");
            return 0;
        }
        finally
        {
            ganache.Kill(entireProcessTree: true);
            Directory.Delete(data, recursive: true);
        }
    }

    private static Task Send(EthJsonRpcClient client, string from, string to) =>
        client.CallAsync("eth_sendTransaction", [new Dictionary<string, string> { ["from"] = from, ["to"] = to, ["value"] = Hex.FromQuantity(1_000_000_000_000_000) }]);

    private static (double Median, double P90, double Best, double Max) Stats(List<double> times)
    {
        if (times.Count == 0) return (double.NaN, double.NaN, double.NaN, double.NaN);
        times.Sort();
        return (times[times.Count / 2], times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.9) - 1)], times[0], times[^1]);
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
