using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Cairn.Cases.Agencies;
using Cairn.Server.Hosting;
using Cairn.Storage;
using Cairn.Development.Demo;
using static Cairn.Bench.BenchOptions;

namespace Cairn.Bench.Server;

/// <summary>
/// The server under load on loopback, on the demo installation: address lookups and screening
/// requests per second (API token), and the case page (a custody-logged read) with its p99, each
/// beside GET /healthz (the bare server) in the same run; then optionally a soak with many cookie
/// sessions, reporting errors and memory over time.
/// Usage: server [--seconds 15] [--concurrency 16] [--db postgres://…] [--soak-minutes 10] [--sessions 50]
/// </summary>
public sealed class ServerLoadBench : IBenchSuite
{
    private const string Password = "bench password 1234";

    public string Name => "server";

    public string Description => "API throughput and latency under load (SQLite or --db PostgreSQL), optional soak";

    public async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var seconds = TimeSpan.FromSeconds(Option(args, "--seconds", 15));
        var concurrency = (int)Option(args, "--concurrency", 16);
        var soak = TimeSpan.FromMinutes(Option(args, "--soak-minutes", 0));
        var sessions = (int)Option(args, "--sessions", 50);
        var db = OptionText(args, "--db");
        var data = Directory.CreateTempSubdirectory("cairn-bench-server-").FullName;
        var demo = await DemoPipeline.RunAsync(new Cairn.Workspace.WorkspaceOptions { DataDirectory = data, DatabaseUrl = db, Time = TimeProvider.System }, 20_000);
        var port = FreePort();
        var host = await CairnServer.BuildAsync(new ServerOptions
        {
            DataDirectory = data, DatabaseUrl = db, Urls = $"http://127.0.0.1:{port}", AdminAgency = DemoPipeline.Agency, AdminRoles = Enum.GetValues<Role>(),
            ApiRequestsPerSecond = 1_000_000, LoginAttemptsPerMinute = 1_000_000,
        });
        await host.App.StartAsync();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        try
        {
            output.WriteLine($"server on {(db is null ? "SQLite" : "PostgreSQL")}, demo case {DemoPipeline.CaseReference}, {concurrency} concurrent clients, {seconds.TotalSeconds:F0} s per scenario");
            var token = await SetUpAdminAsync(baseAddress, host.BootstrapPassword!);
            var clients = Enumerable.Range(0, concurrency).Select(_ => Client(baseAddress, token)).ToList();
            var addresses = demo.Scenario.Actors.SelectMany(a => a.TaggedAddresses).Concat(demo.Scenario.Ransomware!.Deposits.Select(d => d.Address)).Distinct().ToArray();
            var results = new List<LoadGenerator.Result>
            {
                await LoadGenerator.RunAsync("baseline GET /healthz", clients, seconds, (_, _) => new HttpRequestMessage(HttpMethod.Get, "/healthz")),
                await LoadGenerator.RunAsync("address lookup", clients, seconds, (_, n) => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/btc/address/{addresses[n % addresses.Length]}?limit=10")),
                await LoadGenerator.RunAsync("screening (1 address)", clients, seconds, (_, n) => new HttpRequestMessage(HttpMethod.Post, "/api/v1/screen") { Content = JsonContent.Create(new { addresses = new[] { addresses[n % addresses.Length] } }) }),
                await LoadGenerator.RunAsync("case page (logged read)", clients, seconds, (_, _) => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/cases/{DemoPipeline.CaseReference}")),
            };
            if (Wrk.Find() is { } wrk)
            {
                // The same scenarios from wrk's own process: the figures to quote (the in-process generator shares the server's two cores and runtime).
                var deposit = addresses[0];
                results.Add(Wrk.Run(wrk, "baseline GET /healthz", new Uri(baseAddress, "/healthz"), concurrency, seconds, null));
                results.Add(Wrk.Run(wrk, "address lookup", new Uri(baseAddress, $"/api/v1/btc/address/{deposit}?limit=10"), concurrency, seconds, token));
                results.Add(Wrk.Run(wrk, "screening (1 address)", new Uri(baseAddress, "/api/v1/screen"), concurrency, seconds, token, $"{{\"addresses\":[\"{deposit}\"]}}"));
                results.Add(Wrk.Run(wrk, "case page (logged read)", new Uri(baseAddress, $"/api/v1/cases/{DemoPipeline.CaseReference}"), concurrency, seconds, token));
            }
            else output.WriteLine("wrk not found (apt-get install wrk): in-process figures only");
            var baseline = results[0].PerSecond;
            foreach (var result in results)
            {
                if (result.Name.StartsWith("baseline", StringComparison.Ordinal)) baseline = result.PerSecond;
                output.WriteLine($"{result}  ratio to baseline {result.PerSecond / baseline:F3}");
            }
            if (soak > TimeSpan.Zero) await SoakAsync(output, baseAddress, soak, sessions, addresses);
        }
        finally
        {
            await host.App.StopAsync();
            await host.App.DisposeAsync();
        }
        return 0;
    }

    private static async Task SoakAsync(TextWriter output, Uri baseAddress, TimeSpan duration, int sessions, string[] addresses)
    {
        var clients = new List<HttpClient>();
        for (var i = 0; i < sessions; i++) clients.Add(await CookieSessionAsync(baseAddress));
        output.WriteLine($"soak: {sessions} cookie sessions for {duration.TotalMinutes:F0} min (case page, address lookup, screening in turn)");
        var samples = new List<string>();
        using var sampler = new Timer(_ =>
        {
            var heap = GC.GetTotalMemory(forceFullCollection: true);
            lock (samples) samples.Add($"{DateTime.UtcNow:HH:mm:ss} managed heap {heap / 1e6:F0} MB, working set {Environment.WorkingSet / 1e6:F0} MB");
        }, null, TimeSpan.Zero, TimeSpan.FromSeconds(Math.Max(10, duration.TotalSeconds / 10)));
        var result = await LoadGenerator.RunAsync("soak mix", clients, duration, (client, n) => (n % 3) switch
        {
            0 => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/cases/{DemoPipeline.CaseReference}"),
            1 => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/btc/address/{addresses[n % addresses.Length]}?limit=10"),
            _ => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/screen/{addresses[n % addresses.Length]}"),
        });
        output.WriteLine(result);
        lock (samples) foreach (var sample in samples) output.WriteLine("  " + sample);
    }

    private static async Task<string> SetUpAdminAsync(Uri baseAddress, string oneTime)
    {
        using var client = await SignInAsync(baseAddress, "admin", oneTime);
        await SendAsync(client, HttpMethod.Post, "/api/v1/auth/password", new { current_password = oneTime, new_password = Password });
        using var again = await SignInAsync(baseAddress, "admin", Password);
        var token = await SendAsync(again, HttpMethod.Post, "/api/v1/auth/tokens", new { name = "bench", valid_days = 1 });
        return token["secret"]!.GetValue<string>();
    }

    private static async Task<HttpClient> CookieSessionAsync(Uri baseAddress) => await SignInAsync(baseAddress, "admin", Password);

    private static async Task<HttpClient> SignInAsync(Uri baseAddress, string login, string password)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = baseAddress };
        await SendAsync(client, HttpMethod.Post, "/api/v1/auth/login", new { login, password });
        return client;
    }

    private static async Task<JsonNode> SendAsync(HttpClient client, HttpMethod method, string path, object body)
    {
        var antiforgery = JsonNode.Parse(await client.GetStringAsync("/api/v1/auth/antiforgery"))!["token"]!.GetValue<string>();
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-TOKEN", antiforgery);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    private static HttpClient Client(Uri baseAddress, string token)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
