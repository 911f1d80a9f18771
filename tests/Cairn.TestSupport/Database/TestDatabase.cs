using Cairn.Cases.Agencies;
using Cairn.Storage;
using Cairn.Storage.Custody;
using Npgsql;

namespace Cairn.TestSupport.Database;

/// <summary>
/// A fresh, migrated database for one test: a SQLite file in a new temporary data directory,
/// or a new PostgreSQL database (created from CAIRN_TEST_POSTGRES, dropped on dispose).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CAIRN_TEST_POSTGRES";

    private readonly string? _postgresName;
    private string? _adminConnection;

    private TestDatabase(CairnDatabase database, string dataDirectory, string? postgresName, ManualTime time)
    {
        Database = database;
        DataDirectory = dataDirectory;
        _postgresName = postgresName;
        Time = time;
    }

    public static readonly Actor Alice = new("alice", "nca-uk");

    public static readonly Actor Bruno = new("bruno", "bka-de");

    public CairnDatabase Database { get; }

    public string DataDirectory { get; }

    public ManualTime Time { get; }

    public SqlDialect Dialect => Database.Dialect;

    public static bool InContinuousIntegration => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why a dialect's tests are skipped here, or null when they run (always null under CI=true).</summary>
    public static string? SkipReason(SqlDialect dialect) =>
        dialect == SqlDialect.Postgres && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)) && !InContinuousIntegration
            ? $"{PostgresVariable} is not set (see docs/testing.md); PostgreSQL tests are skipped locally, never in CI"
            : null;

    /// <summary>A fresh database; on PostgreSQL created through <paramref name="adminConnectionString"/> (default: CAIRN_TEST_POSTGRES).</summary>
    public static async Task<TestDatabase> CreateAsync(SqlDialect dialect, int? migrateUntil = null, string? adminConnectionString = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("cairn-test-").FullName;
        var time = ManualTime.Default();
        var signer = CustodyKeyFile.LoadOrCreate(dataDirectory);
        if (dialect == SqlDialect.Sqlite)
        {
            var sqlite = DatabaseLocation.SqliteFile(Path.Combine(dataDirectory, DatabaseLocation.FileName));
            return new TestDatabase(await CairnDatabase.OpenAsync(sqlite, signer, time, dataDirectory, migrateUntil), dataDirectory, null, time);
        }
        var name = "cairn_test_" + Guid.NewGuid().ToString("N");
        var adminConnection = adminConnectionString is null ? AdminConnectionString() : new NpgsqlConnectionStringBuilder(adminConnectionString) { Pooling = false }.ToString();
        await using (var admin = new NpgsqlConnection(adminConnection))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(adminConnection) { Database = name, Pooling = true };
        var database = await CairnDatabase.OpenAsync(DatabaseLocation.Postgres(builder.ToString()), signer, time, dataDirectory, migrateUntil);
        return new TestDatabase(database, dataDirectory, name, time) { _adminConnection = adminConnection };
    }

    public static string AdminConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(value))
            throw new InvalidOperationException($"{PostgresVariable} is not set but CI=true: PostgreSQL tests must run in CI (see docs/testing.md)");
        // Unpooled: the restart test breaks pooled connections, and admin work is rare.
        return new NpgsqlConnectionStringBuilder(value) { Pooling = false }.ToString();
    }

    /// <summary>Opens a second <see cref="CairnDatabase"/> on the same database, as another process or server node would.</summary>
    public async Task<CairnDatabase> OpenAgainAsync() =>
        await CairnDatabase.OpenAsync(Database.Location, CustodyKeyFile.LoadOrCreate(DataDirectory), Time, DataDirectory);

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        if (_postgresName is not null)
        {
            await using var admin = new NpgsqlConnection(_adminConnection ?? AdminConnectionString());
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the OS cleans temp space.
        }
    }
}
