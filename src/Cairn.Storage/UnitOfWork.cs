using System.Data.Common;
using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Storage.Custody;
using Dapper;

namespace Cairn.Storage;

/// <summary>
/// One command's transaction: run SQL with the Dapper helpers below and record what was done
/// with <see cref="RecordAsync"/>; the custody entries commit or roll back with the change.
/// Created by <see cref="CairnDatabase.InTransactionAsync{T}"/>.
/// </summary>
public sealed class UnitOfWork
{
    private readonly CairnDatabase _database;
    private readonly List<CustodyEntry> _recorded = [];
    private MerkleFrontier? _frontier;

    internal UnitOfWork(CairnDatabase database, DbConnection connection, DbTransaction transaction, Actor actor, CancellationToken cancellationToken)
    {
        _database = database;
        Connection = connection;
        Transaction = transaction;
        Actor = actor;
        CancellationToken = cancellationToken;
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    public SqlDialect Dialect => _database.Dialect;

    /// <summary>Who is acting; every <see cref="RecordAsync"/> entry names this user and agency.</summary>
    public Actor Actor { get; }

    public TimeProvider Time => _database.Time;

    public CairnDatabase Database => _database;

    public CancellationToken CancellationToken { get; }

    /// <summary>Custody entries appended in this transaction so far.</summary>
    public IReadOnlyList<CustodyEntry> Recorded => _recorded;

    /// <summary>" FOR UPDATE" on PostgreSQL (row lock until commit); empty on SQLite, whose write transactions are already exclusive.</summary>
    public string ForUpdate => Dialect == SqlDialect.Postgres ? " FOR UPDATE" : "";

    public Task<int> ExecuteAsync(string sql, object? parameters = null) =>
        Connection.ExecuteAsync(Command(sql, parameters));

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters = null) =>
        Connection.QueryAsync<T>(Command(sql, parameters));

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters = null) =>
        Connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters));

    public Task<T?> ExecuteScalarAsync<T>(string sql, object? parameters = null) =>
        Connection.ExecuteScalarAsync<T>(Command(sql, parameters));

    /// <summary>
    /// Appends "<see cref="Actor"/> did <paramref name="action"/> on <paramref name="objectType"/>:<paramref name="objectId"/>
    /// (content hashing to <paramref name="contentHash"/>)" to the custody log, in this transaction.
    /// </summary>
    public async Task<CustodyEntry> RecordAsync(string action, string objectType, string objectId, string contentHash = "")
    {
        var entry = await SqlCustodyLog.AppendAsync(this, new CustodyRecord(Actor, action, objectType, objectId, contentHash)).ConfigureAwait(false);
        _recorded.Add(entry);
        return entry;
    }

    internal MerkleFrontier? Frontier
    {
        get => _frontier;
        set => _frontier = value;
    }

    internal void Committed()
    {
        if (_frontier is not null) _database.RememberFrontier(_frontier);
    }

    private CommandDefinition Command(string sql, object? parameters) =>
        new(sql, parameters, Transaction, cancellationToken: CancellationToken);
}
