using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Cli;
using Cairn.TestSupport.Node;

namespace Cairn.Chains.Ethereum.Tests.Node;

/// <summary>
/// A watchlist end to end on a real Ethereum node: the index is ingested from Ganache with `cairn eth ingest`
/// (the product's path, which tells the watchlists what it added), a case watches Alice, Dave is tagged as an
/// exchange in Germany through `cairn intel import`, transactions are sent on Ganache, the next ingest raises
/// the alerts on the case (read back with `cairn alerts --json`) and posts each to a webhook listening on
/// loopback. Funds arriving at the watch raise nothing; funds that move on through an unattributed address are
/// followed, and reach the exchange one hop later.
/// </summary>
public sealed class GanacheWatchTests() : GanacheTest("cairn-eth-watch-")
{
    private const string As = "--as";

    [NodeFact("ganache")]
    public async Task EthIngest_AfterAWatchedAddressPaysATaggedExchange_RaisesTheAlertsWithAmountAndTransaction_AndPostsThem()
    {
        var (alice, bob, carol, dave) = (Node.Accounts[0], Node.Accounts[1], Node.Accounts[2], Node.Accounts[3]);
        var threeEther = 3 * Scenario.OneEther;
        // History before the watch: ingested, never alerted on.
        await Node.SendAsync(alice, bob, Scenario.OneEther);
        Ingest();
        TagDaveAsExchange(dave);
        Ok(Run("case", "create", "--reference", "ETH-W1", "--title", "Ether laundering", "--offence", "fraud", As, "alice", "--agency", "nca-uk"));
        // Lower case on purpose: the watch keeps the EIP-55 form the index writes.
        var watch = JsonDocument.Parse(Ok(Run("--json", "watch", "add", "--case", "ETH-W1", "--chain", "eth", "--address", alice.ToLowerInvariant(),
            "--threshold", (2 * Scenario.OneEther).ToString(CultureInfo.InvariantCulture), "--label", "suspect wallet", As, "alice", "--agency", "nca-uk"))).RootElement;
        Assert.Equal(EthAddress.ToChecksum(alice), watch.GetProperty("value").GetString());
        var watchId = watch.GetProperty("id").GetString()!;
        Assert.Empty(Alerts());

        using var webhook = new LoopbackWebhook();
        string paid, incoming;
        Environment.SetEnvironmentVariable("CAIRN_ALERT_WEBHOOK", webhook.Url);
        try
        {
            incoming = Hash(await Node.SendAsync(bob, alice, Scenario.OneEther / 2));
            paid = Hash(await Node.SendAsync(alice, dave, threeEther));
            Ingest();
        }
        finally
        {
            Environment.SetEnvironmentVariable("CAIRN_ALERT_WEBHOOK", null);
        }

        var alerts = Alerts();
        Assert.DoesNotContain(alerts, a => string.Equals(a.GetProperty("tx_id").GetString(), incoming, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["funds_left", "reached_service", "threshold"], alerts.Select(a => a.GetProperty("kind").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(alerts, a =>
        {
            Assert.Equal(paid, a.GetProperty("tx_id").GetString(), ignoreCase: true);
            Assert.Equal(threeEther.ToString(CultureInfo.InvariantCulture), a.GetProperty("amount").GetString());
            Assert.Equal(("ETH", "eth", watchId, EthAddress.ToChecksum(alice)), (a.GetProperty("asset").GetString(), a.GetProperty("chain").GetString(), a.GetProperty("watch_id").GetString(), a.GetProperty("from").GetString()));
        });
        var reached = alerts.Single(a => a.GetProperty("kind").GetString() == "reached_service");
        Assert.Equal((EthAddress.ToChecksum(dave), "dave-exchange", "DE"), (reached.GetProperty("to").GetString(), reached.GetProperty("actor").GetString(), reached.GetProperty("jurisdictions")[0].GetString()));
        var block = Hex.ToInt64((await Node.Client.CallAsync("eth_getTransactionReceipt", [paid])).GetProperty("blockNumber").GetString()!);
        Assert.Equal(block, reached.GetProperty("block_height").GetInt64());
        // Block to alert on a live node: the block's (whole-second) time, then the alert raised after it.
        var blockTime = reached.GetProperty("block_time").GetDateTimeOffset();
        var raisedAt = reached.GetProperty("raised_at").GetDateTimeOffset();
        Assert.InRange(raisedAt - blockTime, TimeSpan.Zero, TimeSpan.FromMinutes(5));

        Assert.Equal(3, webhook.Received.Count);
        var posted = webhook.Received.Select(body => JsonDocument.Parse(body).RootElement).ToList();
        Assert.Equal(alerts.Select(a => a.GetProperty("id").GetString()).Order(StringComparer.Ordinal), posted.Select(p => p.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        Assert.All(posted, p => Assert.Equal((paid, threeEther.ToString(CultureInfo.InvariantCulture)), (p.GetProperty("tx_id").GetString()!.ToLowerInvariant(), p.GetProperty("amount").GetString())));

        // Money moving on: Alice pays Carol (no tag, so Carol is followed), Carol pays the exchange in a later block and ingest.
        var toCarol = Hash(await Node.SendAsync(alice, carol, Scenario.OneEther));
        Ingest();
        var followed = JsonDocument.Parse(Ok(Run("--json", "watch", "list", "--case", "ETH-W1", As, "alice", "--agency", "nca-uk"))).RootElement.GetProperty("items").EnumerateArray()
            .Single(w => w.GetProperty("kind").GetString() == "followed");
        Assert.Equal(EthAddress.ToChecksum(carol), followed.GetProperty("value").GetString());
        var onward = Hash(await Node.SendAsync(carol, dave, Scenario.OneEther / 4));
        Ingest();
        var later = Alerts();
        Assert.Contains(later, a => a.GetProperty("kind").GetString() == "funds_left" && string.Equals(a.GetProperty("tx_id").GetString(), toCarol, StringComparison.OrdinalIgnoreCase));
        var hop = Assert.Single(later, a => a.GetProperty("kind").GetString() == "reached_service" && string.Equals(a.GetProperty("tx_id").GetString(), onward, StringComparison.OrdinalIgnoreCase));
        Assert.Equal((watchId, EthAddress.ToChecksum(carol), (Scenario.OneEther / 4).ToString(CultureInfo.InvariantCulture)),
            (hop.GetProperty("watch_id").GetString(), hop.GetProperty("from").GetString(), hop.GetProperty("amount").GetString()));

        // Ingesting again adds nothing and raises nothing; another agency sees no alert.
        Ingest();
        Assert.Equal(later.Count, Alerts().Count);
        Assert.Equal(1, Run("alerts", "--case", "ETH-W1", As, "bruno", "--agency", "bka-de").Code);
        Ok(Run("log", "verify"));
    }

    private void Ingest() => Ok(Run("eth", "ingest", "--rpc", Node.Endpoint.ToString(), "--batch-blocks", "4"));

    private List<JsonElement> Alerts() =>
        [.. JsonDocument.Parse(Ok(Run("--json", "alerts", "--case", "ETH-W1", "--limit", "100", As, "alice", "--agency", "nca-uk"))).RootElement.GetProperty("items").EnumerateArray()];

    private void TagDaveAsExchange(string dave)
    {
        Directory.CreateDirectory(Root);
        var actors = Path.Combine(Root, "actors.yaml");
        var tags = Path.Combine(Root, "tags.yaml");
        File.WriteAllText(actors, "title: Test actors\ncreator: test\nactors:\n- id: dave-exchange\n  label: Dave Exchange (fictional)\n  categories: [exchange]\n  jurisdictions: [DE]\n");
        File.WriteAllText(tags, $"title: Test tags\ncreator: test\ncurrency: ETH\nconfidence: service_data\nsource: test\ntags:\n- address: '{EthAddress.ToChecksum(dave)}'\n  label: Dave Exchange hot wallet\n  category: exchange\n  actor: dave-exchange\n");
        Ok(Run("intel", "import", "actorpack", actors));
        Ok(Run("intel", "import", "tagpack", tags));
    }

    private static string Hash(JsonElement receipt) => receipt.GetProperty("transactionHash").GetString()!;

    private static string Ok((int Code, string Output, string Error) result)
    {
        Assert.True(result.Code == 0, result.Error);
        return result.Output;
    }

    private (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliHost.Run([.. args, "--data", Path.Combine(Root, "data")], output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>An HTTP listener on loopback that keeps every body posted to it.</summary>
    private sealed class LoopbackWebhook : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;

        public LoopbackWebhook()
        {
            using (var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
            {
                socket.Start();
                Url = $"http://127.0.0.1:{((IPEndPoint)socket.LocalEndpoint).Port}/alerts/";
            }
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try { context = await _listener.GetContextAsync().ConfigureAwait(false); }
                    catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
                    using (var reader = new StreamReader(context.Request.InputStream)) Received.Add(await reader.ReadToEndAsync().ConfigureAwait(false));
                    context.Response.StatusCode = 204;
                    context.Response.Close();
                }
            });
        }

        public string Url { get; }

        public ConcurrentBag<string> Received { get; } = [];

        public void Dispose()
        {
            _listener.Close();
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
    }
}
