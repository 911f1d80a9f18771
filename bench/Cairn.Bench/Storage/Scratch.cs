using Cairn.Cases.Custody;
using Cairn.Storage;
using Npgsql;

namespace Cairn.Bench.Storage;

/// <summary>A throw-away database for one measurement: a SQLite file in a temp directory or a new PostgreSQL database.</summary>
internal sealed class Scratch : IAsyncDisposable
{
    private readonly string _directory;
    private readonly string? _admin;
    private readonly string? _name;

    private Scratch(CairnDatabase database, string directory, string? admin, string? name)
    {
        Database = database;
        _directory = directory;
        _admin = admin;
        _name = name;
    }

    public CairnDatabase Database { get; }

    public static async Task<Scratch> CreateAsync(SqlDialect dialect, string? postgres)
    {
        var directory = Directory.CreateTempSubdirectory("cairn-bench-").FullName;
        var signer = TreeHeadSigner.Create();
        if (dialect == SqlDialect.Sqlite)
            return new Scratch(await CairnDatabase.OpenAsync(DatabaseLocation.SqliteFile(Path.Combine(directory, "cairn.db")), signer, TimeProvider.System, directory), directory, null, null);
        var admin = new NpgsqlConnectionStringBuilder(postgres) { Pooling = false }.ToString();
        var name = "cairn_bench_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {name}", connection).ExecuteNonQueryAsync();
        }
        var location = DatabaseLocation.Postgres(new NpgsqlConnectionStringBuilder(postgres) { Database = name, MaxPoolSize = 20 }.ToString());
        return new Scratch(await CairnDatabase.OpenAsync(location, signer, TimeProvider.System, directory), directory, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        if (_admin is not null)
        {
            await using var connection = new NpgsqlConnection(_admin);
            await connection.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection).ExecuteNonQueryAsync();
        }
        Directory.Delete(_directory, recursive: true);
    }
}
