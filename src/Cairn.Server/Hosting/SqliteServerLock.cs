using Cairn.Core;
using Cairn.Storage;

namespace Cairn.Server.Hosting;

/// <summary>
/// Keeps a second server off a SQLite installation: SQLite serialises writers of one process only
/// (the writer queue of <see cref="CairnDatabase"/>), and sessions, the outbox and the courier's
/// job lock assume one node. The server holds <c>&lt;data&gt;/cairn.db.server-lock</c> open
/// exclusively while it runs (an OS file lock, released when the process ends, even by kill -9);
/// several nodes need PostgreSQL (docs/operations.md, "Several nodes").
/// </summary>
public sealed class SqliteServerLock : IDisposable
{
    public const string FileName = DatabaseLocation.FileName + ".server-lock";

    private readonly FileStream? _stream;

    private SqliteServerLock(FileStream? stream)
    {
        _stream = stream;
    }

    /// <summary>Takes the lock for a SQLite installation with a data directory; nothing to hold on PostgreSQL.</summary>
    public static SqliteServerLock For(CairnDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.Dialect == SqlDialect.Sqlite && database.DataDirectory is { } directory ? Acquire(directory) : new SqliteServerLock(null);
    }

    private static SqliteServerLock Acquire(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            stream.SetLength(0);
            var pid = System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId + "\n");
            stream.Write(pid);
            stream.Flush();
            return new SqliteServerLock(stream);
        }
        catch (IOException ex)
        {
            throw new CairnException($"another cairn server is already running on the SQLite database in {dataDirectory} ({FileName} is locked); SQLite serves one node only, several nodes need PostgreSQL (--db, docs/operations.md)", ex);
        }
    }

    public void Dispose() => _stream?.Dispose();
}
