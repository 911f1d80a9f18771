using System.Net;
using Cairn.Development.Generation;
using Cairn.Server.Tests.Infrastructure;

namespace Cairn.Server.Tests.Api;

/// <summary>An ingest started from the API runs in the background and reports its progress until the index serves the new blocks.</summary>
public sealed class IngestJobTests
{
    [Fact]
    public async Task IngestJob_ReportsProgress_AndTheIndexThenServesTheBlocks()
    {
        var blocks = Directory.CreateTempSubdirectory("cairn-ingest-blocks-").FullName;
        var scenario = ChainGenerator.Generate(new ChainGeneratorOptions { Transactions = 3_000, Seed = 11, OutputDirectory = blocks });
        var data = Directory.CreateTempSubdirectory("cairn-ingest-server-").FullName;
        await using var server = await TestServer.StartAsync(data, "LAB");
        var oneTime = server.Host.BootstrapPassword!;
        using (var first = await ApiClient.SignedInAsync(server.Address, "admin", oneTime))
            (await first.PostAsync("/api/v1/auth/password", new { current_password = oneTime, new_password = "ingest test password" })).Ok();
        using var admin = await ApiClient.SignedInAsync(server.Address, "admin", "ingest test password");
        Assert.False((await admin.GetJsonAsync("/api/v1/btc/status"))["indexed"]!.GetValue<bool>());

        var missing = await admin.PostAsync("/api/v1/btc/ingest", new { blocks = "/no/such/dir", network = "regtest" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);

        var started = await admin.PostAsync("/api/v1/btc/ingest", new { blocks, network = "regtest" });
        Assert.Equal(HttpStatusCode.Accepted, started.Status);
        var id = started.Json["id"]!.GetValue<string>();
        var job = started.Json;
        for (var i = 0; i < 600 && job["state"]!.GetValue<string>() == "running"; i++)
        {
            await Task.Delay(100);
            job = await admin.GetJsonAsync($"/api/v1/jobs/{id}");
        }
        Assert.Equal("succeeded", job["state"]!.GetValue<string>());
        Assert.Equal(job["total"]!.GetValue<long>(), job["done"]!.GetValue<long>());
        var status = await admin.GetJsonAsync("/api/v1/btc/status");
        Assert.Equal(scenario.Blocks - 1, status["tip_height"]!.GetValue<long>());
        var tx = await admin.GetJsonAsync($"/api/v1/btc/tx/{scenario.Ransomware!.RansomTxId}");
        Assert.Equal(scenario.Ransomware.RansomTxId, tx["txid"]!.GetValue<string>());
    }
}
