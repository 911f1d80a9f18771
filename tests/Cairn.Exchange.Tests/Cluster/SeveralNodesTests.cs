using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cairn.Cases.Agencies;
using Cairn.Exchange.Envelopes;
using Cairn.Exchange.Messages;
using Cairn.Exchange.Tests.Nodes;
using Cairn.Storage.Custody;
using Cairn.Storage.Exchange;
using Cairn.Storage.Security;
using Cairn.TestSupport.Database;
using Cairn.Workspace.Administration;
using Cairn.Workspace.Exchange;
using Dapper;
using Npgsql;
using Xunit.Abstractions;

namespace Cairn.Exchange.Tests.Cluster;

/// <summary>
/// Two real `cairn serve` processes on one PostgreSQL database work as one installation
/// (issue 17, docs/operations.md "Several nodes"): a session and antiforgery token from node A
/// are accepted by node B, both couriers running deliver each envelope exactly once, an account
/// disabled on A is refused on B within <see cref="AccountService.CacheLifetime"/>, and a kill -9 of
/// A during concurrent writes loses nothing acknowledged, shows nothing half-written, and leaves a
/// custody log that verifies although both nodes appended to it at once.
/// </summary>
[Collection("real node processes")]
public sealed partial class SeveralNodesTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [PostgresFact]
    public async Task TwoServersOnOnePostgres_ShareSessionsDeliverOnceRefuseDisabledAccountsAndSurviveAKill()
    {
        var admin = TestDatabase.AdminConnectionString();
        var name = "cairn_nodes_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(admin, $"CREATE DATABASE {name}");
        var url = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ToString();
        var dataA = Directory.CreateTempSubdirectory("cairn-node-a-").FullName;
        var dataB = Directory.CreateTempSubdirectory("cairn-node-b-").FullName;
        var receiver = new NodeProcess("receiver");
        ServerProcess? a = null, b = null;
        try
        {
            // The installation: node identity and keys made once in A's data directory, then copied to B
            // (as an operator does); the web keys are not copied, they live in the database.
            await using var counter = await EnvelopeCounter.StartAsync(() => new Uri(receiver.Url));
            var cluster = NodeKeyFiles.Create(dataA, "cluster-nl", "Cluster NL", "fiu-nl", "NL", "http://127.0.0.1:1");
            receiver.Cli("exchange", "node", "init", "--id", "receiver-de", "--name", "receiver", "--country", "DE", "--endpoint", counter.Url.ToString().TrimEnd('/'), "--agency", "fiu-de");
            var card = Path.Combine(receiver.DataDirectory, "cluster-card.json");
            await File.WriteAllTextAsync(card, cluster.Card.ToJson());
            receiver.Cli("exchange", "partner", "add", "--card", card);
            await using var database = await CairnDatabase.OpenAsync(DatabaseLocation.Postgres(url), CustodyKeyFile.LoadOrCreate(dataA), TimeProvider.System, dataA);
            await new SqlPartnerStore(database).AddAsync(new Actor("setup", "fiu-nl"), NodeKeyFiles.Load(receiver.DataDirectory).Card);
            foreach (var file in new[] { "custody-key.pem", InstallationSecret.FileName, NodeKeyFiles.CardFile, NodeKeyFiles.SigningKeyFile, NodeKeyFiles.EncryptionKeyFile })
                File.Copy(Path.Combine(dataA, file), Path.Combine(dataB, file));
            // B starts once A is up: the first node to start creates the admin account.
            a = ServerProcess.Start("A", dataA, url);
            await Task.WhenAll(receiver.StartAsync(), a.WaitReadyAsync());
            b = ServerProcess.Start("B", dataB, url);
            await b.WaitReadyAsync();
            await Eventually.TrueAsync(() => OneTimePassword(a) is not null, Patience, "A to print the one-time password");
            var oneTime = OneTimePassword(a)!;

            // 1. A session opened on A, with A's antiforgery token, works on B.
            // (Each account's password is changed on the node it signed in at: another node may hold the
            // account with "must change" in its cache for up to AccountService.CacheLifetime.)
            using var adminBrowser = await SignedInWithNewPasswordAsync(a.Url, "admin", oneTime);
            Assert.Equal(HttpStatusCode.OK, (await adminBrowser.GetAsync(b.Url, "/api/v1/auth/me")).Status);
            var ivan = await adminBrowser.PostJsonAsync(b.Url, "/api/v1/admin/accounts", new { login = "ivan", agency = "installation", roles = new[] { "investigator" } });
            var ana = await adminBrowser.PostJsonAsync(b.Url, "/api/v1/admin/accounts", new { login = "ana", agency = "installation", roles = new[] { "investigator" } });
            Assert.Equal(HttpStatusCode.OK, (await adminBrowser.GetAsync(a.Url, "/api/v1/admin/accounts")).Status);
            using var anaBrowser = await SignedInWithNewPasswordAsync(b.Url, "ana", ana["one_time_password"]!.GetValue<string>());
            using var ivanBrowser = await SignedInWithNewPasswordAsync(a.Url, "ivan", ivan["one_time_password"]!.GetValue<string>());
            var token = (await ivanBrowser.PostJsonAsync(a.Url, "/api/v1/auth/tokens", new { name = "writer" }))["secret"]!.GetValue<string>();
            // A request that needs ivan's session and A's antiforgery token, answered by B.
            Assert.True((await ivanBrowser.SendAsync(b.Url, HttpMethod.Post, "/api/v1/cases", new { reference = "S-1", title = "session from A", offence_type = "fraud" })).Ok, "case created on B with A's session");
            using var withoutToken = new Browser();
            Assert.Equal(HttpStatusCode.Unauthorized, (await withoutToken.GetAsync(b.Url, "/api/v1/auth/me")).Status);

            // 2. 50 envelopes queued while both couriers run: each delivered exactly once.
            var sent = new List<string>();
            var clusterOutbox = new SqlOutbox(database);
            for (var i = 0; i < 50; i++)
                sent.Add((await clusterOutbox.SendAsync(new Actor("sender", "fiu-nl"), cluster, "receiver-de", EnvelopeType.Request, new ExchangeMessage { Subject = $"message {i}" })).MessageId);
            var clock = Stopwatch.StartNew();
            await Eventually.TrueAsync(async () => (await clusterOutbox.ListAsync()).Count(e => e.State == "delivered") == sent.Count, Patience, "all 50 envelopes delivered");
            output.WriteLine($"50 envelopes delivered in {clock.Elapsed.TotalSeconds:F1} s; {counter.Posts.Values.Sum()} POSTs at the receiver");
            Assert.Equal(sent.Order(), counter.Delivered.Keys.Order());
            Assert.All(counter.Delivered, pair => Assert.Equal(1, pair.Value));
            Assert.Equal(50, JsonNode.Parse(receiver.Cli("exchange", "inbox", "--json"))!.AsArray().Count);

            // 4. An account disabled on A is refused on B within the cache lifetime.
            Assert.Equal(HttpStatusCode.OK, (await anaBrowser.GetAsync(b.Url, "/api/v1/auth/me")).Status);
            Assert.True((await adminBrowser.SendAsync(a.Url, HttpMethod.Post, "/api/v1/admin/accounts/ana/disable", new { })).Ok, "disable ana on A");
            clock.Restart();
            await Eventually.TrueAsync(async () => (await anaBrowser.GetAsync(b.Url, "/api/v1/auth/me")).Status == HttpStatusCode.Unauthorized,
                AccountService.CacheLifetime + TimeSpan.FromSeconds(5), "the disabled account refused on B");
            output.WriteLine($"disabled on A, refused on B after {clock.Elapsed.TotalSeconds:F1} s (bound {AccountService.CacheLifetime.TotalSeconds} s)");
            Assert.True(clock.Elapsed <= AccountService.CacheLifetime + TimeSpan.FromSeconds(2), $"refused after {clock.Elapsed}");

            // 5. Concurrent case writes on both nodes; A is killed with SIGKILL in the middle.
            var acknowledged = new ConcurrentBag<string>();
            var failedOnA = 0;
            using var script = new Browser(token);
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
            {
                var node = w % 2 == 0 ? a.Url : b.Url;
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var reference = $"K-{w}-{i}";
                    try
                    {
                        if ((await script.SendAsync(node, HttpMethod.Post, "/api/v1/cases", new { reference, title = "written during a kill", offence_type = "fraud" })).Ok)
                            acknowledged.Add(reference);
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        Interlocked.Increment(ref failedOnA);
                        await Task.Delay(50);
                    }
                }
            })).ToList();
            await Eventually.TrueAsync(() => acknowledged.Count(r => r[2] is '0' or '2' or '4') >= 30, Patience, "30 writes acknowledged by A");
            a.Kill();
            var atKill = acknowledged.Count;
            await Eventually.TrueAsync(() => acknowledged.Count >= atKill + 30, Patience, "30 more writes acknowledged by B after the kill");
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            output.WriteLine($"{acknowledged.Count} case writes acknowledged ({atKill} before the kill), {failedOnA} refused by the dead node");

            var stored = (await QueryAsync<string>(url, "SELECT reference FROM cases WHERE reference LIKE 'K-%'")).ToHashSet();
            var lost = acknowledged.Where(r => !stored.Contains(r)).ToList();
            Assert.Empty(lost);
            var unlogged = await QueryAsync<string>(url, "SELECT c.reference FROM cases c WHERE NOT EXISTS (SELECT 1 FROM custody_entries e WHERE e.action = 'case.create' AND e.object_id = c.id)");
            Assert.Empty(unlogged);
            var orphans = await QueryAsync<string>(url, "SELECT e.object_id FROM custody_entries e WHERE e.action = 'case.create' AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = e.object_id)");
            Assert.Empty(orphans);
            var verification = JsonNode.Parse((await adminBrowser.GetAsync(b.Url, "/api/v1/log/verify")).Text)!;
            output.WriteLine("custody log after the kill: " + verification.ToJsonString());
            Assert.Null(verification["problem"]);
            var size = (await QueryAsync<long>(url, "SELECT tree_size FROM custody_state")).Single();
            Assert.Equal(size, verification["entries_checked"]!.GetValue<long>());
            Assert.Equal(size, (await QueryAsync<long>(url, "SELECT COUNT(*) FROM custody_entries")).Single());
        }
        finally
        {
            a?.Dispose();
            b?.Dispose();
            receiver.Dispose();
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            foreach (var directory in new[] { dataA, dataB })
            {
                try
                {
                    Directory.Delete(directory, recursive: true);
                }
                catch (IOException)
                {
                    // A killed process may hold a file for a moment; the OS cleans temp space.
                }
            }
        }
    }

    [Fact]
    public async Task ASecondServerOnOneSqliteInstallation_IsRefusedWithOneLine()
    {
        var data = Directory.CreateTempSubdirectory("cairn-sqlite-two-").FullName;
        using var first = ServerProcess.Start("first", data);
        await first.WaitReadyAsync();
        using var second = ServerProcess.Start("second", data);

        Assert.Equal(1, await second.WaitForExitAsync(TimeSpan.FromSeconds(90)));
        var error = Assert.Single(second.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("another cairn server is already running on the SQLite database", error, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL", error, StringComparison.Ordinal);
        Assert.False(first.HasExited);
    }

    private static async Task<Browser> SignedInWithNewPasswordAsync(Uri node, string login, string oneTime)
    {
        var newPassword = login + " password on several nodes";
        using (var first = await Browser.SignedInAsync(node, login, oneTime))
            await first.PostJsonAsync(node, "/api/v1/auth/password", new { current_password = oneTime, new_password = newPassword });
        return await Browser.SignedInAsync(node, login, newPassword);
    }

    private static string? OneTimePassword(ServerProcess server) =>
        server.Output.Select(line => OneTimePasswordPattern().Match(line)).FirstOrDefault(m => m.Success)?.Groups[1].Value;

    [GeneratedRegex("one-time password (\\S+)")]
    private static partial Regex OneTimePasswordPattern();

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync(sql);
    }

    private static async Task<IReadOnlyList<T>> QueryAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return (await connection.QueryAsync<T>(sql)).ToList();
    }
}
