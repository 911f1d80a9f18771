using System.Data.Common;
using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Core;
using Cairn.Storage.Custody;
using Cairn.Storage.Migrations;
using Cairn.Storage.Security;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Cairn.Storage;

/// <summary>
/// The system of record: a SQLite file or a PostgreSQL database, migrated at open, plus the
/// installation key that signs custody-log tree heads. All changes go through
/// <see cref="InTransactionAsync{T}"/>: one transaction per command, with the custody-log
/// entries of that command in the same transaction (see docs/storage.md).
/// </summary>
public sealed class CairnDatabase : IAsyncDisposable
{
    private const int MaxAttempts = 3;

    /// <summary>The migration that creates installation_keys (Security/Migrations/090).</summary>
    private const int InstallationKeysVersion = 90;

    private readonly NpgsqlDataSource? _postgres;
    private readonly SqliteConnection? _inMemoryKeeper;
    private readonly Lock _frontierLock = new();

    // SQLite has one writer at a time; waiting for it in SQLite's busy handler means sleeping and
    // polling, which under load gives multi-second tails. Writers of this process queue here instead
    // (other processes still meet the busy timeout). A nested transaction of the same flow skips it.
    private readonly SemaphoreSlim _sqliteWriters = new(1, 1);
    private static readonly AsyncLocal<bool> InsideTransaction = new();
    // The transaction of an InOneTransactionAsync scope, which the same actor's transactions inside it join.
    private static readonly AsyncLocal<UnitOfWork?> Shared = new();
    private MerkleFrontier? _committedFrontier;

    private CairnDatabase(DatabaseLocation location, TreeHeadSigner signer, InstallationSecret secret, TimeProvider time, string? dataDirectory, NpgsqlDataSource? postgres, SqliteConnection? keeper)
    {
        Location = location;
        Signer = signer;
        Secret = secret;
        Time = time;
        DataDirectory = dataDirectory;
        _postgres = postgres;
        _inMemoryKeeper = keeper;
    }

    public DatabaseLocation Location { get; }

    public SqlDialect Dialect => Location.Dialect;

    public TimeProvider Time { get; }

    /// <summary>Signs a tree head after every custody-log append.</summary>
    public TreeHeadSigner Signer { get; }

    /// <summary>The installation's HMAC key (<c>installation-secret</c> in the data directory; a per-process key without one).</summary>
    public InstallationSecret Secret { get; }

    /// <summary>The data directory (evidence files, key), or null for a database opened without one (tests).</summary>
    public string? DataDirectory { get; }

    /// <summary>
    /// Opens the installation in <paramref name="dataDirectory"/>: the signing key
    /// (<c>custody-key.pem</c>, created at first start) and the database (<c>CAIRN_DATABASE</c>
    /// if set, else <c>cairn.db</c> there), migrated to the latest version.
    /// </summary>
    public static async Task<CairnDatabase> OpenDataDirectoryAsync(string dataDirectory, TimeProvider time, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(dataDirectory);
        var signer = CustodyKeyFile.LoadOrCreate(dataDirectory);
        return await OpenAsync(DatabaseLocation.ForDataDirectory(dataDirectory), signer, time, dataDirectory, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens <paramref name="location"/> and applies migrations up to <paramref name="migrateUntil"/> (all when null).
    /// Then checks this node's custody key and installation secret against the ones registered in
    /// the database (<see cref="InstallationKeyRegistry"/>) and refuses to open when they differ.
    /// </summary>
    public static async Task<CairnDatabase> OpenAsync(DatabaseLocation location, TreeHeadSigner signer, TimeProvider time, string? dataDirectory = null, int? migrateUntil = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(time);
        SQLitePCL.Batteries_V2.Init();
        NpgsqlDataSource? postgres = null;
        SqliteConnection? keeper = null;
        if (location.Dialect == SqlDialect.Postgres)
        {
            postgres = NpgsqlDataSource.Create(location.ConnectionString);
        }
        else if (new SqliteConnectionStringBuilder(location.ConnectionString).Mode == SqliteOpenMode.Memory)
        {
            keeper = new SqliteConnection(location.ConnectionString);
            await keeper.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        var secret = dataDirectory is null ? InstallationSecret.Ephemeral() : InstallationSecret.LoadOrCreate(dataDirectory);
        var database = new CairnDatabase(location, signer, secret, time, dataDirectory, postgres, keeper);
        try
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await MigrationRunner.MigrateAsync(connection, location.Dialect, time, migrateUntil, cancellationToken).ConfigureAwait(false);
            // Checked before the key is listed in custody_keys, so a stray key leaves no trace there.
            if (migrateUntil is null || migrateUntil >= InstallationKeysVersion)
                await InstallationKeyRegistry.CheckAsync(connection, signer, secret, dataDirectory, time, cancellationToken).ConfigureAwait(false);
            if (migrateUntil is null || migrateUntil >= 1)
                await SqlCustodyLog.RegisterKeyAsync(connection, signer, time, cancellationToken).ConfigureAwait(false);
            return database;
        }
        catch (CairnException)
        {
            await database.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        catch (Exception ex) when (ex is DbException or System.Net.Sockets.SocketException or TimeoutException)
        {
            await database.DisposeAsync().ConfigureAwait(false);
            throw new CairnException($"cannot open database {location}: {ex.Message}", ex);
        }
    }

    /// <summary>A new opened connection (pooled on PostgreSQL; SQLite with foreign keys, WAL and a busy timeout). Dispose it.</summary>
    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null) return await _postgres.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var connection = new SqliteConnection(Location.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        // WAL lets readers run beside the writer; FULL makes each commit durable on power loss,
        // not just on a process kill (custody records must survive both).
        var journal = _inMemoryKeeper is null ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;" : "";
        await connection.ExecuteAsync(journal + "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;").ConfigureAwait(false);
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction on behalf of <paramref name="actor"/> and
    /// commits; on any exception nothing is written. On PostgreSQL a dropped connection (server
    /// restart, failover) before commit is retried on a fresh connection.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(Actor actor, Func<UnitOfWork, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(work);
        if (Shared.Value is { } shared && ReferenceEquals(shared.Database, this))
        {
            if (shared.Actor == actor) return await work(shared).ConfigureAwait(false);
            // SQLite's one writer is the shared transaction: a second one would wait for it until the busy timeout.
            if (Dialect == SqlDialect.Sqlite)
                throw new InvalidOperationException($"{actor}'s transaction cannot run inside {shared.Actor}'s shared one on SQLite (one writer at a time)");
        }
        var gated = Dialect == SqlDialect.Sqlite && !InsideTransaction.Value;
        if (gated) await _sqliteWriters.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            InsideTransaction.Value = true;
            return await RunTransactionAsync(actor, work, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (gated)
            {
                InsideTransaction.Value = false;
                _sqliteWriters.Release();
            }
        }
    }

    private async Task<T> RunTransactionAsync<T>(Actor actor, Func<UnitOfWork, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var committing = false;
            try
            {
                await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                var unit = new UnitOfWork(this, connection, transaction, actor, cancellationToken);
                var result = await work(unit).ConfigureAwait(false);
                committing = true;
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                unit.Committed();
                return result;
            }
            catch (Exception ex) when (!committing && attempt < MaxAttempts && IsTransientConnectionFailure(ex))
            {
                _postgres?.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), Time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> so that every transaction <paramref name="actor"/>'s calls open inside it joins one:
    /// a view assembled from several logged reads (the case dashboard) commits its custody entries once instead of once
    /// per read (on SQLite each commit is a durable write). Every read is still logged, each as its own entry; an error
    /// anywhere writes none of them, as nothing was shown. Another actor's transactions inside keep their own on PostgreSQL
    /// and are refused on SQLite (its one writer is the shared transaction): the work must act for <paramref name="actor"/> only.
    /// </summary>
    public Task<T> InOneTransactionAsync<T>(Actor actor, Func<Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return InTransactionAsync(actor, async unit =>
        {
            Shared.Value = unit;
            try
            {
                return await work().ConfigureAwait(false);
            }
            finally
            {
                Shared.Value = null;
            }
        }, cancellationToken);
    }

    public Task InTransactionAsync(Actor actor, Func<UnitOfWork, Task> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return InTransactionAsync(actor, async unit =>
        {
            await work(unit).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <summary>Runs a read-only query on a fresh connection (no custody entry: use <see cref="InTransactionAsync{T}"/> for reads of case data).</summary>
    public async Task<T> QueryAsync<T>(Func<DbConnection, Task<T>> query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await query(connection).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null) await _postgres.DisposeAsync().ConfigureAwait(false);
        if (_inMemoryKeeper is not null) await _inMemoryKeeper.DisposeAsync().ConfigureAwait(false);
        _sqliteWriters.Dispose();
    }

    /// <summary>The right edge of the committed tree when it is known to have <paramref name="treeSize"/> leaves (a copy), else null.</summary>
    internal MerkleFrontier? CachedFrontier(long treeSize)
    {
        lock (_frontierLock)
            return _committedFrontier is { } cached && cached.TreeSize == treeSize ? cached.Clone() : null;
    }

    internal void RememberFrontier(MerkleFrontier frontier)
    {
        lock (_frontierLock)
            if (_committedFrontier is null || frontier.TreeSize > _committedFrontier.TreeSize) _committedFrontier = frontier.Clone();
    }

    private static bool IsTransientConnectionFailure(Exception ex) => ex switch
    {
        NpgsqlException { IsTransient: true } => true,
        PostgresException { SqlState: "57P01" or "57P02" or "57P03" } => true,
        NpgsqlException { InnerException: IOException or System.Net.Sockets.SocketException } => true,
        _ => false,
    };
}
