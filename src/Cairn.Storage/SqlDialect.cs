namespace Cairn.Storage;

/// <summary>The two databases Cairn stores its records in; the same migrations and repositories serve both.</summary>
public enum SqlDialect
{
    /// <summary>Embedded default: <c>cairn.db</c> in the data directory, WAL journal.</summary>
    Sqlite,

    /// <summary>Server deployments: one PostgreSQL shared by every node.</summary>
    Postgres,
}
