using System.Net;
using Cairn.Server.Tests.Infrastructure;
using Cairn.TestSupport.Database;
using Npgsql;

namespace Cairn.Server.Tests.Api;

/// <summary>The same server on PostgreSQL (`--db postgres://…`): bootstrap, sign-in, cases and agency isolation. Skipped with the reason without CAIRN_TEST_POSTGRES; always run under CI=true.</summary>
public sealed class PostgresServerTests
{
    [PostgresFact]
    public async Task ServerOnPostgres_BootstrapsSignsInAndIsolatesAgencies()
    {
        var admin = TestDatabase.AdminConnectionString();
        var name = "cairn_server_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        try
        {
            var url = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
            var data = Directory.CreateTempSubdirectory("cairn-pg-server-").FullName;
            await using (var server = await TestServer.StartAsync(data, "PG-AGENCY", configure: o => o with { DatabaseUrl = url }))
            {
                var oneTime = server.Host.BootstrapPassword!;
                using var first = await ApiClient.SignedInAsync(server.Address, "admin", oneTime);
                (await first.PostAsync("/api/v1/auth/password", new { current_password = oneTime, new_password = "postgres test password" })).Ok();
                using var adminClient = await ApiClient.SignedInAsync(server.Address, "admin", "postgres test password");
                (await adminClient.PostAsync("/api/v1/cases", new { reference = "PG-1", title = "on postgres", offence_type = "fraud" })).Ok();
                (await adminClient.PostAsync("/api/v1/admin/agencies", new { code = "PG-OTHER", name = "Other agency on PostgreSQL", state = "DE", kind = "police" })).Ok();
                var other = await adminClient.PostJsonAsync("/api/v1/admin/accounts", new { login = "pg-other", agency = "PG-OTHER", roles = new[] { "investigator" } });
                var otherPassword = other["one_time_password"]!.GetValue<string>();
                using var otherClient = await ApiClient.SignedInAsync(server.Address, "pg-other", otherPassword);
                (await otherClient.PostAsync("/api/v1/auth/password", new { current_password = otherPassword, new_password = "another pg password" })).Ok();
                Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync("/api/v1/cases/PG-1")).Status);
                Assert.Equal("on postgres", (await adminClient.GetJsonAsync("/api/v1/cases/PG-1"))["title"]!.GetValue<string>());
            }
            await using var again = await TestServer.StartAsync(data, "PG-AGENCY", configure: o => o with { DatabaseUrl = url });
            Assert.Null(again.Host.BootstrapPassword);
        }
        finally
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Pooling = false }.ToString());
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
