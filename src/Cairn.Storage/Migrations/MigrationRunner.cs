using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Cairn.Cases.Custody;
using Dapper;

namespace Cairn.Storage.Migrations;

/// <summary>
/// Applies the numbered SQL scripts embedded in this assembly (every <c>Migrations/</c> folder,
/// see Cairn.Storage.csproj) in version order, each in its own transaction together with its
/// row in <c>schema_migrations</c>, so a crash leaves the schema at a whole version.
/// Number ranges per area are listed in docs/storage.md.
/// </summary>
public static partial class MigrationRunner
{
    private const string ResourcePrefix = "migrations/";

    /// <summary>The migrations for <paramref name="dialect"/>, in order; a dialect-specific file replaces the shared one of the same number.</summary>
    public static IReadOnlyList<Migration> Load(SqlDialect dialect)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var suffix = dialect == SqlDialect.Sqlite ? "sqlite" : "postgres";
        var byVersion = new Dictionary<int, (string Name, string? Dialect, string Sql)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var match = FileNamePattern().Match(resource[ResourcePrefix.Length..]);
            if (!match.Success)
                throw new InvalidOperationException($"migration file '{resource}' is not named NNN_name.sql, NNN_name.sqlite.sql or NNN_name.postgres.sql");
            var fileDialect = match.Groups["dialect"].Success ? match.Groups["dialect"].Value : null;
            if (fileDialect is not null && fileDialect != suffix) continue;
            var version = int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture);
            var name = match.Groups["name"].Value;
            if (byVersion.TryGetValue(version, out var existing))
            {
                if (existing.Name != name)
                    throw new InvalidOperationException($"two migrations share number {version:D3}: '{existing.Name}' and '{name}'");
                if (existing.Dialect is not null) continue;
            }
            byVersion[version] = (name, fileDialect, ReadResource(assembly, resource));
        }
        return byVersion.OrderBy(kv => kv.Key).Select(kv => new Migration(kv.Key, kv.Value.Name, kv.Value.Sql)).ToList();
    }

    /// <summary>Applies every migration not yet applied, up to and including <paramref name="untilVersion"/> when given; returns the versions applied now.</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(DbConnection connection, SqlDialect dialect, TimeProvider time, int? untilVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(time);
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        var applied = new List<int>();
        foreach (var migration in Load(dialect).Where(m => untilVersion is null || m.Version <= untilVersion))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            // Several server nodes may start at once: the first takes the lock, the others then see the row.
            if (dialect == SqlDialect.Postgres)
                await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(5390001)", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var done = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version", new { migration.Version }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (done > 0) continue;
            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                new { migration.Version, migration.Name, AppliedAt = CustodyEntry.FormatTime(time.GetUtcNow()) }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            applied.Add(migration.Version);
        }
        return applied;
    }

    /// <summary>The versions recorded in <c>schema_migrations</c>, ascending.</summary>
    public static async Task<IReadOnlyList<int>> AppliedVersionsAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        var versions = await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT version FROM schema_migrations ORDER BY version", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return versions.Select(v => (int)v).ToList();
    }

    private static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(?<version>\d{3})_(?<name>[a-z0-9_]+?)(\.(?<dialect>sqlite|postgres))?\.sql$")]
    private static partial Regex FileNamePattern();
}
