using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Cairn.Cli.Tests.Cases;
using Cairn.Cli.Tests.Trace;

namespace Cairn.Cli.Tests.Watch;

/// <summary>
/// Watchlists end to end on a generated Bitcoin chain that grows between two ingests: the chain is
/// first ingested up to the block before the ransom address spends, a case watches that address, the
/// block files grow to the full chain (as Bitcoin Core appends to blk*.dat), and the second ingest
/// raises alerts on the case — funds left, then reached a deposit service — posted to a loopback
/// webhook; the alert proposes the urgent route with its time limits and drafts it in one step.
/// </summary>
public sealed class WatchCliTests : IDisposable
{
    private readonly TempDataDirectory _data = new();
    private readonly string _blocks = Directory.CreateTempSubdirectory("cairn-watch-blocks-").FullName;

    public void Dispose()
    {
        _data.Dispose();
        Directory.Delete(_blocks, recursive: true);
    }

    [Fact]
    public void SecondIngest_OfAGrownChain_RaisesAlertsOnTheWatchingCase_AndTheAlertDraftsTheUrgentRequest()
    {
        var scenario = GeneratedChainData.Scenario;
        var ransomware = scenario.Ransomware!;
        var full = Path.Combine(Path.GetDirectoryName(GeneratedChainData.Data)!, "blocks");
        var ransomHeight = HeightOf(ransomware.RansomTxId);
        var spendHeight = HeightOf(ransomware.PeelChainTxIds[0]);
        Assert.True(ransomHeight < spendHeight, $"the ransom (block {ransomHeight}) and its first spend (block {spendHeight}) must be in different blocks for this test");
        CopyBlocks(full, _blocks, keepRecords: (int)spendHeight);
        Assert.Equal(0, _data.Run("btc", "ingest", "--blocks", _blocks, "--network", "regtest").ExitCode);
        Assert.Equal(1, _data.Run("btc", "tx", ransomware.PeelChainTxIds[0]).ExitCode); // not yet on the chain
        GeneratedChainData.ImportScenarioIntel(_data.Path);

        Assert.Equal(0, _data.Run("case", "create", "--reference", "W-1", "--title", "DemoLocker ransom", "--offence", "extortion", "--as", "alice", "--agency", "nca-uk").ExitCode);
        var bad = _data.Run("watch", "add", "--case", "W-1", "--chain", "eth", "--address", "not-an-address", "--as", "alice", "--agency", "nca-uk");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("not-an-address", bad.Error, StringComparison.Ordinal);
        var added = _data.Run("--json", "watch", "add", "--case", "W-1", "--address", ransomware.RansomAddress, "--label", "ransom address", "--as", "alice", "--agency", "nca-uk");
        Assert.True(added.ExitCode == 0, added.Error);
        var watchId = JsonDocument.Parse(added.Output).RootElement.GetProperty("id").GetString()!;
        Assert.Equal(0, _data.Run("--json", "alerts", "--case", "W-1", "--as", "alice", "--agency", "nca-uk").ExitCode);
        Assert.Equal(0, JsonDocument.Parse(_data.Run("--json", "alerts", "--case", "W-1", "--as", "alice", "--agency", "nca-uk").Output).RootElement.GetProperty("total").GetInt64());

        CopyBlocks(full, _blocks, keepRecords: int.MaxValue);
        using var webhook = new LoopbackWebhook();
        Environment.SetEnvironmentVariable("CAIRN_ALERT_WEBHOOK", webhook.Url);
        try
        {
            var grown = _data.Run("btc", "ingest", "--blocks", _blocks, "--network", "regtest");
            Assert.True(grown.ExitCode == 0, grown.Error);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CAIRN_ALERT_WEBHOOK", null);
        }

        var alerts = JsonDocument.Parse(_data.Run("--json", "alerts", "--case", "W-1", "--limit", "500", "--as", "alice", "--agency", "nca-uk").Output).RootElement.GetProperty("items").EnumerateArray().ToList();
        var left = Assert.Single(alerts, a => a.GetProperty("kind").GetString() == "funds_left");
        Assert.Equal((ransomware.PeelChainTxIds[0], spendHeight, ransomware.RansomAddress, watchId),
            (left.GetProperty("tx_id").GetString(), left.GetProperty("block_height").GetInt64(), left.GetProperty("from").GetString(), left.GetProperty("watch_id").GetString()));
        Assert.Equal(ransomware.RansomAmountSat.ToString(CultureInfo.InvariantCulture), left.GetProperty("amount").GetString());
        var depositActors = ransomware.Deposits.Select(d => d.Actor).ToHashSet(StringComparer.Ordinal);
        var reached = alerts.Where(a => a.GetProperty("kind").GetString() == "reached_service").ToList();
        // The peel chain pays planted deposits and, on the way, other services of the generated economy: each is an alert.
        Assert.Contains(reached, a => depositActors.Contains(a.GetProperty("actor").GetString()!));
        Assert.All(reached, a => Assert.NotEqual(0, a.GetProperty("jurisdictions").GetArrayLength()));
        Assert.All(alerts, a => Assert.True(a.GetProperty("latency_ms").GetInt64() >= 0));
        Assert.Equal(alerts.Count, webhook.Received.Count);
        Assert.Contains(webhook.Received, body => body.Contains(ransomware.PeelChainTxIds[0], StringComparison.Ordinal));

        // The same blocks ingested again raise nothing new (one alert per watch, transaction, kind and recipient).
        Assert.Equal(0, _data.Run("btc", "ingest", "--blocks", _blocks, "--network", "regtest").ExitCode);
        Assert.Equal(alerts.Count, JsonDocument.Parse(_data.Run("--json", "alerts", "--case", "W-1", "--limit", "500", "--as", "alice", "--agency", "nca-uk").Output).RootElement.GetProperty("total").GetInt64());

        var alert = reached[0];
        var alertId = alert.GetProperty("id").GetString()!;
        var state = alert.GetProperty("jurisdictions")[0].GetString()!;
        var route = _data.Run("--json", "alerts", "route", alertId, "--case", "W-1", "--from", "GB", "--as", "alice", "--agency", "nca-uk");
        Assert.True(route.ExitCode == 0, route.Error);
        var proposal = JsonDocument.Parse(route.Output).RootElement;
        Assert.Equal(state, proposal.GetProperty("requested_state").GetString());
        var preservation = proposal.GetProperty("options").EnumerateArray().First(o => o.GetProperty("measure").GetString() == "preservation");
        Assert.False(string.IsNullOrEmpty(preservation.GetProperty("citation").GetString()));
        var words = _data.Run("alerts", "route", alertId, "--case", "W-1", "--from", "GB", "--as", "alice", "--agency", "nca-uk");
        Assert.Contains("preservation:", words.Output, StringComparison.Ordinal);

        var drafted = _data.Run("--json", "alerts", "draft", alertId, "--case", "W-1", "--from", "GB", "--measure", "preservation", "--as", "alice", "--agency", "nca-uk");
        Assert.True(drafted.ExitCode == 0, drafted.Error);
        var draft = JsonDocument.Parse(drafted.Output).RootElement.GetProperty("drafts")[0];
        Assert.Equal((state, "preservation", true), (draft.GetProperty("requested_state").GetString(), draft.GetProperty("measure").GetString(), draft.GetProperty("urgent").GetBoolean()));
        var after = JsonDocument.Parse(_data.Run("--json", "alerts", "--case", "W-1", "--limit", "500", "--as", "alice", "--agency", "nca-uk").Output).RootElement.GetProperty("items")
            .EnumerateArray().Single(a => a.GetProperty("id").GetString() == alertId);
        Assert.Equal("drafted", after.GetProperty("state").GetString());
        Assert.Equal(draft.GetProperty("id").GetString(), after.GetProperty("requests")[0].GetString());

        // Another agency sees neither the watches nor the alerts.
        Assert.Equal(1, _data.Run("alerts", "--case", "W-1", "--as", "bruno", "--agency", "bka-de").ExitCode);
        Assert.Equal(1, _data.Run("watch", "list", "--case", "W-1", "--as", "bruno", "--agency", "bka-de").ExitCode);
        var removed = _data.Run("watch", "remove", watchId, "--case", "W-1", "--as", "alice", "--agency", "nca-uk");
        Assert.True(removed.ExitCode == 0, removed.Error);
        Assert.Equal(0, JsonDocument.Parse(_data.Run("--json", "watch", "list", "--case", "W-1", "--as", "alice", "--agency", "nca-uk").Output).RootElement.GetProperty("total").GetInt64());
        Assert.Equal(0, _data.Run("log", "verify").ExitCode);
    }

    private static long HeightOf(string txid)
    {
        var result = CliRunner.Run("--data", GeneratedChainData.Data, "--json", "btc", "tx", txid);
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Output).RootElement.GetProperty("height").GetInt64();
    }

    /// <summary>Copies blk*.dat keeping the first <paramref name="keepRecords"/> blocks (magic, length, block: the files' framing), as a node that has not yet seen the rest.</summary>
    private static void CopyBlocks(string from, string to, int keepRecords)
    {
        var left = keepRecords;
        foreach (var file in Directory.GetFiles(from, "blk*.dat").Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            var offset = 0;
            while (offset + 8 <= bytes.Length && left > 0)
            {
                offset += 8 + (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 4, 4));
                left--;
            }
            File.WriteAllBytes(Path.Combine(to, Path.GetFileName(file)), bytes[..Math.Min(offset, bytes.Length)]);
        }
    }

    /// <summary>An HTTP listener on loopback that keeps every body posted to it.</summary>
    private sealed class LoopbackWebhook : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;

        public LoopbackWebhook()
        {
            var port = FreePort();
            Url = $"http://127.0.0.1:{port}/alerts/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try { context = await _listener.GetContextAsync().ConfigureAwait(false); }
                    catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException) { return; }
                    using (var reader = new StreamReader(context.Request.InputStream)) Received.Add(await reader.ReadToEndAsync().ConfigureAwait(false));
                    context.Response.StatusCode = 204;
                    context.Response.Close();
                }
            });
        }

        public string Url { get; }

        public System.Collections.Concurrent.ConcurrentBag<string> Received { get; } = [];

        public void Dispose()
        {
            _listener.Close();
            _loop.Wait(TimeSpan.FromSeconds(5));
        }

        private static int FreePort()
        {
            using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }
    }
}
