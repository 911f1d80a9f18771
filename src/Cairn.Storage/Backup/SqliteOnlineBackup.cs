using Cairn.Core;
using Microsoft.Data.Sqlite;

namespace Cairn.Storage.Backup;

/// <summary>
/// Copies a running installation's SQLite database with SQLite's online backup API
/// (https://www.sqlite.org/backup.html, <c>sqlite3_backup_step(-1)</c> through
/// <see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>): the copy is one consistent
/// snapshot of committed transactions, taken while the server keeps reading and writing (under WAL
/// the copy holds a read snapshot, writers are not blocked). Copying the file with <c>cp</c> instead
/// can miss the WAL or catch a half-checkpointed page.
/// </summary>
public static class SqliteOnlineBackup
{
    public static async Task CopyToAsync(CairnDatabase database, string targetPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentException.ThrowIfNullOrWhiteSpace(targetPath);
        if (database.Dialect != SqlDialect.Sqlite)
            throw new CairnException("the database is PostgreSQL: back it up with pg_dump and the data directory with 'cairn backup --files-only' (docs/operations.md)");
        if (File.Exists(targetPath)) throw new CairnException($"'{targetPath}' exists");
        await using var source = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = targetPath, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        await using (target.ConfigureAwait(false))
        {
            await target.OpenAsync(cancellationToken).ConfigureAwait(false);
            ((SqliteConnection)source).BackupDatabase(target);
        }
    }
}
