using System.Net;
using Cairn.Development.Generation;
using Cairn.Server.Tests.Infrastructure;

namespace Cairn.Server.Tests.Api;

/// <summary>
/// Watchlists through the API: a watch added to a case is checked by the server's ingest job, the alert
/// shows on the case and in the badge count, is posted to a loopback webhook set in the server's options,
/// and bad input is a validation problem naming its field.
/// </summary>
public sealed class WatchlistsApiTests
{
    [Fact]
    public async Task IngestJob_RaisesAnAlertOnTheWatchingCase_TheBadgeCountsIt_AndAcknowledgingClearsIt()
    {
        var blocks = Directory.CreateTempSubdirectory("cairn-watch-api-blocks-").FullName;
        var scenario = ChainGenerator.Generate(new ChainGeneratorOptions { Transactions = 3_000, Seed = 11, OutputDirectory = blocks });
        var data = Directory.CreateTempSubdirectory("cairn-watch-api-").FullName;
        var received = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var listener = new HttpListener();
        var hook = $"http://127.0.0.1:{FreePort()}/hook/";
        listener.Prefixes.Add(hook);
        listener.Start();
        var loop = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await listener.GetContextAsync(); }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException) { return; }
                using (var reader = new StreamReader(context.Request.InputStream)) received.Enqueue(await reader.ReadToEndAsync());
                context.Response.StatusCode = 204;
                context.Response.Close();
            }
        });
        await using var server = await TestServer.StartAsync(data, "LAB", configure: o => o with { AlertWebhookUrl = hook });
        var oneTime = server.Host.BootstrapPassword!;
        using (var first = await ApiClient.SignedInAsync(server.Address, "admin", oneTime))
            (await first.PostAsync("/api/v1/auth/password", new { current_password = oneTime, new_password = "watch test password" })).Ok();
        using var admin = await ApiClient.SignedInAsync(server.Address, "admin", "watch test password");
        (await admin.PostAsync("/api/v1/cases", new { reference = "W-API", title = "watched ransom", offence_type = "extortion" })).Ok();
        var ransom = scenario.Ransomware!;

        var bad = await admin.PostAsync("/api/v1/cases/W-API/watches", new { chain = "eth", kind = "address", value = "0x123" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.NotNull(bad.Json["errors"]!["value"]);
        var unknownChain = await admin.PostAsync("/api/v1/cases/W-API/watches", new { chain = "xyz", kind = "address", value = ransom.RansomAddress });
        Assert.NotNull(unknownChain.Json["errors"]!["chain"]);
        var added = await admin.PostAsync("/api/v1/cases/W-API/watches", new { chain = "btc", kind = "address", value = ransom.RansomAddress, label = "ransom" });
        Assert.Equal(HttpStatusCode.Created, added.Status);

        var started = await admin.PostAsync("/api/v1/btc/ingest", new { blocks, network = "regtest" });
        Assert.Equal(HttpStatusCode.Accepted, started.Status);
        var job = started.Json;
        for (var i = 0; i < 900 && job["state"]!.GetValue<string>() == "running"; i++)
        {
            await Task.Delay(100);
            job = await admin.GetJsonAsync($"/api/v1/jobs/{started.Json["id"]!.GetValue<string>()}");
        }
        Assert.Equal("succeeded", job["state"]!.GetValue<string>());

        var alerts = (await admin.GetJsonAsync("/api/v1/cases/W-API/alerts"))["items"]!.AsArray();
        var left = Assert.Single(alerts, a => a!["kind"]!.GetValue<string>() == "funds_left")!;
        Assert.Equal(ransom.PeelChainTxIds[0], left["tx_id"]!.GetValue<string>());
        Assert.Equal(ransom.RansomAmountSat.ToString(System.Globalization.CultureInfo.InvariantCulture), left["amount"]!.GetValue<string>());
        var watches = (await admin.GetJsonAsync("/api/v1/cases/W-API/watches"))["items"]!.AsArray();
        Assert.Contains(watches, w => w!["kind"]!.GetValue<string>() == "followed");
        for (var i = 0; i < 50 && received.Count < alerts.Count; i++) await Task.Delay(100);
        Assert.Equal(alerts.Count, received.Count);

        var badge = (await admin.GetJsonAsync("/api/v1/alerts/open")).AsArray();
        Assert.Equal(alerts.Count, Assert.Single(badge)!["open"]!.GetValue<int>());
        var noService = await admin.GetAsync($"/api/v1/cases/W-API/alerts/{left["id"]!.GetValue<string>()}/route?from=GB");
        Assert.Equal(HttpStatusCode.BadRequest, noService.Status); // funds left, but reached no service in a known State
        // The case's dashboard counts them and shows the newest open ones.
        var board = await admin.GetJsonAsync("/api/v1/cases/W-API/dashboard");
        Assert.Equal(alerts.Count, board["open_alerts"]!.GetValue<int>());
        Assert.Contains(board["latest_open_alerts"]!.AsArray(), a => a!["id"]!.GetValue<string>() == left["id"]!.GetValue<string>());
        foreach (var alert in alerts) (await admin.PostAsync($"/api/v1/cases/W-API/alerts/{alert!["id"]!.GetValue<string>()}/acknowledge")).Ok();
        Assert.Empty((await admin.GetJsonAsync("/api/v1/alerts/open")).AsArray());
        board = await admin.GetJsonAsync("/api/v1/cases/W-API/dashboard");
        Assert.Equal(0, board["open_alerts"]!.GetValue<int>());
        Assert.Empty(board["latest_open_alerts"]!.AsArray());

        var removed = await admin.SendAsync(HttpMethod.Delete, $"/api/v1/cases/W-API/watches/{added.Json["id"]!.GetValue<string>()}");
        Assert.Equal(HttpStatusCode.NoContent, removed.Status);
        Assert.Equal(0, (await admin.GetJsonAsync("/api/v1/cases/W-API/watches"))["total"]!.GetValue<long>());
        listener.Close();
        await loop;
    }

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
