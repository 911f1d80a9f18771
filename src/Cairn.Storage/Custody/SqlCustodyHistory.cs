using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Core;
using Cairn.Core.Paging;

namespace Cairn.Storage.Custody;

/// <summary>
/// The custody history of one object as a user may read it (issue 17): only objects their agency
/// may see, and the read itself is logged ("log.read" about the same object, so the history shows
/// who looked at it). Case data (a case, its evidence, ledger events and saved traces) is visible
/// when the case is owned by or shared with the agency; a legal request when the agency drafted
/// it; an account when it belongs to the agency; failed sign-ins (object type "login", keyed by an
/// HMAC of the attempted login) to every auditor. Of any other object only the entries the
/// agency's own users wrote are shown. Not visible is "not found", as for case data elsewhere.
/// </summary>
public sealed class SqlCustodyHistory
{
    private const string VisibleCase = "(c.owning_agency = @Agency OR c.id IN (SELECT case_id FROM case_grants WHERE agency = @Agency))";

    // Object type → SQL counting the visible object with that id. Types not here fall back to own entries.
    private static readonly Dictionary<string, string> VisibilityQueries = new(StringComparer.Ordinal)
    {
        ["case"] = $"SELECT COUNT(*) FROM cases c WHERE c.id = @Id AND {VisibleCase}",
        ["evidence"] = $"SELECT COUNT(*) FROM evidence e JOIN cases c ON c.id = e.case_id WHERE e.id = @Id AND {VisibleCase}",
        ["ledger_event"] = $"SELECT COUNT(*) FROM ledger_events l JOIN cases c ON c.id = l.case_id WHERE l.id = @Id AND {VisibleCase}",
        ["trace"] = $"SELECT COUNT(*) FROM case_traces t JOIN cases c ON c.id = t.case_id WHERE t.id = @Id AND {VisibleCase}",
        ["request"] = "SELECT COUNT(*) FROM legal_requests WHERE id = @Id AND owning_agency = @Agency",
        ["account"] = "SELECT COUNT(*) FROM users WHERE login = @Id AND agency_code = @Agency",
        ["login"] = "SELECT 1",
    };

    private readonly CairnDatabase _database;

    public SqlCustodyHistory(CairnDatabase database)
    {
        _database = database;
    }

    /// <summary>One page of the entries about (<paramref name="objectType"/>, <paramref name="objectId"/>) that <paramref name="actor"/> may see, oldest first; logs "log.read".</summary>
    public Task<Page<CustodyEntry>> ReadAsync(Actor actor, string objectType, string objectId, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(objectType);
        ArgumentNullException.ThrowIfNull(objectId);
        ArgumentNullException.ThrowIfNull(page);
        return _database.InTransactionAsync(actor, async unit =>
        {
            var ownEntriesOnly = !VisibilityQueries.TryGetValue(objectType, out var visibility);
            if (visibility is not null && await unit.ExecuteScalarAsync<long>(visibility, new { Id = objectId, actor.Agency }).ConfigureAwait(false) == 0)
                throw new NotFoundException($"no {objectType} '{objectId}' that agency {actor.Agency} may see");
            var where = "object_type = @objectType AND object_id = @objectId" + (ownEntriesOnly ? " AND agency = @Agency" : "");
            var parameters = new { objectType, objectId, actor.Agency, Limit = (long)page.Limit, page.Offset };
            var total = await unit.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM custody_entries WHERE {where}", parameters).ConfigureAwait(false);
            var rows = await unit.QueryAsync<CustodyRows.Entry>(
                $"SELECT {CustodyRows.EntryColumns} FROM custody_entries WHERE {where} ORDER BY seq LIMIT @Limit OFFSET @Offset", parameters).ConfigureAwait(false);
            var entries = rows.Select(r => r.ToEntry()).ToList();
            await unit.RecordAsync("log.read", objectType, objectId,
                CustodyRecord.HashOf(string.Join("\n", entries.Select(e => e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture))))).ConfigureAwait(false);
            return Page<CustodyEntry>.Of(entries, page, total);
        }, cancellationToken);
    }
}
