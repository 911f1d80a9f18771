using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace Cairn.Storage;

/// <summary>
/// Runs a background job on one node at a time across every server on the database. On PostgreSQL
/// it holds a session-level advisory lock (<c>pg_try_advisory_lock</c>, PostgreSQL manual §13.3.5)
/// on its own connection while the job runs: a node that does not get the lock skips the round,
/// and a node that dies drops its connection, which releases the lock at once. SQLite is one node
/// only, so there the job is only kept from overlapping itself within this process.
/// </summary>
public sealed class ClusterJobLock
{
    private readonly CairnDatabase _database;
    private readonly string _job;
    private readonly long _key;
    private readonly SemaphoreSlim _local = new(1, 1);

    public ClusterJobLock(CairnDatabase database, string job)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentException.ThrowIfNullOrWhiteSpace(job);
        _database = database;
        _job = job;
        _key = KeyOf(job);
    }

    /// <summary>The advisory-lock key of <paramref name="job"/>: the first 8 bytes of SHA-256 of "cairn job " ‖ name, so every node computes the same one.</summary>
    public static long KeyOf(string job) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("cairn job " + job)));

    public string Job => _job;

    /// <summary>Runs <paramref name="work"/> when no other node (or pass of this node) is running this job; returns whether it ran.</summary>
    public async Task<bool> TryRunAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!await _local.WaitAsync(0, cancellationToken).ConfigureAwait(false)) return false;
        try
        {
            if (_database.Dialect != SqlDialect.Postgres)
            {
                await work(cancellationToken).ConfigureAwait(false);
                return true;
            }
            await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var held = await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_try_advisory_lock(@key)", new { key = _key }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (!held) return false;
            try
            {
                await work(cancellationToken).ConfigureAwait(false);
                return true;
            }
            finally
            {
                // The pooled connection outlives this call: unlock explicitly (a lost connection unlocks by itself).
                await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@key)", new { key = _key }, cancellationToken: CancellationToken.None)).ConfigureAwait(false);
            }
        }
        finally
        {
            _local.Release();
        }
    }
}
