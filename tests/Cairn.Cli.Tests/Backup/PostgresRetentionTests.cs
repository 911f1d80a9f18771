using System.Text.Json;
using Cairn.Cli.Tests.Cases;
using Cairn.TestSupport.Database;
using Npgsql;

namespace Cairn.Cli.Tests.Backup;

/// <summary>The retention purge and legal holds on PostgreSQL (the same SQL as on SQLite, RetentionCliTests): expired content goes, held content stays, the log verifies.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class PostgresRetentionTests
{
    [PostgresFact]
    public async Task Purge_OnPostgres_DeletesTheExpiredNotTheHeld_AndTheLogVerifies()
    {
        var admin = TestDatabase.AdminConnectionString();
        var name = "cairn_rt_" + Guid.NewGuid().ToString("N");
        using var data = new TempDataDirectory();
        var previous = Environment.GetEnvironmentVariable("CAIRN_DATABASE");
        try
        {
            await ExecuteAsync(admin, $"CREATE DATABASE {name}");
            Environment.SetEnvironmentVariable("CAIRN_DATABASE", new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString());
            foreach (var reference in new[] { "GONE-1", "KEPT-1" })
            {
                Ok(data, "case", "create", "--reference", reference, "--title", "t", "--offence", "fraud");
                Ok(data, "case", "subject", "add", reference, "--kind", "person", "--name", $"Subject {reference}", "--identifier", "passport=P1");
                Ok(data, "case", "note", reference, "--text", "note");
                var file = Path.Combine(data.Path, reference + ".txt");
                File.WriteAllText(file, reference);
                Ok(data, "evidence", "add", "--case", reference, file, "--source", "letter");
                Ok(data, "case", "status", reference, "--status", "closed", "--reason", "done");
            }
            Ok(data, "case", "hold", "KEPT-1", "--reason", "appeal");
            File.WriteAllText(Path.Combine(data.Path, "cairn.json"), """{ "retention": { "case_data": { "keep_days": 0 }, "personal_data": { "keep_days": 0 }, "evidence_files": { "keep_days": 0 }, "received_disclosures": { "keep_days": 0 } } }""");

            var report = JsonDocument.Parse(Ok(data, "retention", "purge", "--json").Output).RootElement;
            Assert.Equal(3, report.GetProperty("total").GetInt32());
            Assert.Equal(1, report.GetProperty("held_cases").GetInt32());
            var gone = JsonDocument.Parse(Ok(data, "case", "show", "GONE-1", "--json").Output).RootElement;
            var kept = JsonDocument.Parse(Ok(data, "case", "show", "KEPT-1", "--json").Output).RootElement;
            Assert.Equal((0, 0), (gone.GetProperty("subjects").GetArrayLength(), gone.GetProperty("notes").GetArrayLength()));
            Assert.Equal((1, 1), (kept.GetProperty("subjects").GetArrayLength(), kept.GetProperty("notes").GetArrayLength()));
            Assert.Equal("[]", Ok(data, "evidence", "list", "--case", "GONE-1", "--json").Output.Trim());
            Assert.StartsWith("custody log OK", Ok(data, "log", "verify").Output, StringComparison.Ordinal);
            Assert.Single(JsonDocument.Parse(Ok(data, "retention", "show", "--json").Output).RootElement.GetProperty("history").EnumerateArray());
        }
        finally
        {
            Environment.SetEnvironmentVariable("CAIRN_DATABASE", previous);
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private static CliRunner.Result Ok(TempDataDirectory data, params string[] args)
    {
        var result = data.Run(args);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)}: {result.Error}");
        return result;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
