using Cairn.Core;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Cairn.Storage;

/// <summary>
/// Where the database is: a SQLite file (or a private in-memory database) or a PostgreSQL
/// server given as an Npgsql connection string or a <c>postgres://user:pass@host:port/db</c> URL.
/// </summary>
public sealed record DatabaseLocation(SqlDialect Dialect, string ConnectionString)
{
    public const string FileName = "cairn.db";

    /// <summary>Environment variable naming a PostgreSQL database; when absent, SQLite in the data directory is used.</summary>
    public const string EnvironmentVariable = "CAIRN_DATABASE";

    public static DatabaseLocation SqliteFile(string path) => new(SqlDialect.Sqlite, new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString());

    /// <summary>A private in-memory SQLite database that lives as long as the <see cref="CairnDatabase"/> opened on it.</summary>
    public static DatabaseLocation SqliteInMemory() => new(SqlDialect.Sqlite, new SqliteConnectionStringBuilder
    {
        DataSource = $"cairn-{Guid.NewGuid():N}",
        Mode = SqliteOpenMode.Memory,
        Cache = SqliteCacheMode.Shared,
        Pooling = false,
    }.ToString());

    /// <summary>PostgreSQL from an Npgsql connection string or a postgres:// URL.</summary>
    public static DatabaseLocation Postgres(string connectionStringOrUrl)
    {
        ArgumentNullException.ThrowIfNull(connectionStringOrUrl);
        var text = connectionStringOrUrl.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return new DatabaseLocation(SqlDialect.Postgres, FromUrl(text));
        try
        {
            return new DatabaseLocation(SqlDialect.Postgres, new NpgsqlConnectionStringBuilder(text).ToString());
        }
        catch (ArgumentException ex)
        {
            throw new CairnException($"malformed PostgreSQL connection string: {ex.Message}", ex);
        }
    }

    /// <summary>PostgreSQL when <c>CAIRN_DATABASE</c> is set, else the SQLite file in <paramref name="dataDirectory"/>.</summary>
    public static DatabaseLocation ForDataDirectory(string dataDirectory)
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(configured)
            ? SqliteFile(Path.Combine(dataDirectory, FileName))
            : Postgres(configured);
    }

    private static string FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new CairnException("malformed PostgreSQL URL (not echoed: it may hold a password): expected postgres://user:pass@host:port/db");
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } db ? db : "postgres",
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0) builder.Username = Uri.UnescapeDataString(userInfo[0]);
        if (userInfo.Length == 2) builder.Password = Uri.UnescapeDataString(userInfo[1]);
        return builder.ToString();
    }

    /// <summary>The connection string with any password hidden, for messages.</summary>
    public override string ToString() => Dialect == SqlDialect.Sqlite
        ? $"sqlite:{new SqliteConnectionStringBuilder(ConnectionString).DataSource}"
        : $"postgres:{new NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }}";
}
