using System.Text.Json;
using Cairn.Cases.Agencies;
using Cairn.Cases.Cases;
using Cairn.Cases.Custody;
using Cairn.Core;
using Cairn.Core.Paging;

namespace Cairn.Storage.Cases;

/// <summary>
/// Cases in SQL (Migrations/002_cases.sql). Every call is one transaction with its custody entry;
/// the static helpers take a <see cref="UnitOfWork"/> so evidence, ledger, legal requests and
/// traces can resolve and check a case inside their own transaction.
/// </summary>
public sealed class SqlCaseStore : ICaseStore
{
    private readonly CairnDatabase _database;

    public SqlCaseStore(CairnDatabase database)
    {
        _database = database;
    }

    public Task<Case> CreateAsync(Actor actor, NewCase newCase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(newCase);
        return _database.InTransactionAsync(actor, async unit =>
        {
            await EnsureActorAsync(unit).ConfigureAwait(false);
            var taken = await unit.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM cases WHERE reference = @Reference", newCase).ConfigureAwait(false);
            if (taken > 0) throw new CairnException($"case reference '{newCase.Reference}' already exists");
            var created = new Case
            {
                Id = CairnIds.New(unit.Time),
                Reference = newCase.Reference,
                Title = newCase.Title,
                OwningAgency = unit.Actor.Agency,
                OffenceType = newCase.OffenceType,
                OpenedAt = unit.Time.GetUtcNow(),
            };
            await unit.ExecuteAsync(
                "INSERT INTO cases (id, reference, title, owning_agency, offence_type, status, opened_at, closed_at, version) " +
                "VALUES (@Id, @Reference, @Title, @OwningAgency, @OffenceType, @Status, @OpenedAt, NULL, @Version)",
                new { created.Id, created.Reference, created.Title, created.OwningAgency, created.OffenceType, Status = CaseRows.Text(created.Status), OpenedAt = CustodyEntry.FormatTime(created.OpenedAt), created.Version }).ConfigureAwait(false);
            await unit.RecordAsync("case.create", "case", created.Id, ContentHash(created)).ConfigureAwait(false);
            return created;
        }, cancellationToken);
    }

    public Task<Case> GetAsync(Actor actor, string reference, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, async unit =>
        {
            var found = await LoadVisibleAsync(unit, reference).ConfigureAwait(false);
            await unit.RecordAsync("case.read", "case", found.Id, ContentHash(found)).ConfigureAwait(false);
            return found;
        }, cancellationToken);

    public Task<IReadOnlyList<Case>> ListAsync(Actor actor, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, async unit =>
        {
            var rows = await unit.QueryAsync<CaseRows.CaseRow>(
                $"SELECT {CaseRows.CaseColumns} FROM cases WHERE owning_agency = @Agency OR id IN (SELECT case_id FROM case_grants WHERE agency = @Agency) ORDER BY opened_at, reference",
                new { unit.Actor.Agency }).ConfigureAwait(false);
            IReadOnlyList<Case> cases = rows.Select(r => r.ToCase()).ToList();
            await unit.RecordAsync("case.list", "case", "*", CustodyRecord.HashOf(string.Join("\n", cases.Select(c => c.Id)))).ConfigureAwait(false);
            return cases;
        }, cancellationToken);

    public Task<Page<Case>> ListAsync(Actor actor, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        return _database.InTransactionAsync(actor, async unit =>
        {
            const string Visible = "FROM cases WHERE owning_agency = @Agency OR id IN (SELECT case_id FROM case_grants WHERE agency = @Agency)";
            var total = await unit.ExecuteScalarAsync<long>("SELECT COUNT(*) " + Visible, new { unit.Actor.Agency }).ConfigureAwait(false);
            var rows = await unit.QueryAsync<CaseRows.CaseRow>(
                $"SELECT {CaseRows.CaseColumns} {Visible} ORDER BY opened_at, reference LIMIT @Limit OFFSET @Offset",
                new { unit.Actor.Agency, Limit = (long)page.Limit, page.Offset }).ConfigureAwait(false);
            IReadOnlyList<Case> cases = rows.Select(r => r.ToCase()).ToList();
            await unit.RecordAsync("case.list", "case", "*", CustodyRecord.HashOf(string.Join("\n", cases.Select(c => c.Id)))).ConfigureAwait(false);
            return Page<Case>.Of(cases, page, total);
        }, cancellationToken);
    }

    public Task<Case> UpdateAsync(Actor actor, Case changed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changed);
        return _database.InTransactionAsync(actor, async unit =>
        {
            var current = await LoadVisibleAsync(unit, changed.Reference).ConfigureAwait(false);
            if (current.Id != changed.Id) throw new CairnException($"case '{changed.Reference}' has a different id than the one being saved");
            var saved = changed with { Grants = current.Grants, OwningAgency = current.OwningAgency, Version = changed.Version + 1 };
            await SaveAsync(unit, saved, expectedVersion: changed.Version).ConfigureAwait(false);
            await unit.RecordAsync("case.update", "case", saved.Id, ContentHash(saved)).ConfigureAwait(false);
            return saved;
        }, cancellationToken);
    }

    public Task<Case> ShareAsync(Actor actor, string reference, string agency, CancellationToken cancellationToken = default)
    {
        var grantee = Identifiers.Require(agency, "agency");
        return _database.InTransactionAsync(actor, async unit =>
        {
            var current = await LoadVisibleAsync(unit, reference, forUpdate: true).ConfigureAwait(false);
            if (current.OwningAgency != unit.Actor.Agency)
                throw new CairnException($"only the owning agency '{current.OwningAgency}' can share case '{reference}'");
            await EnsureAgencyAsync(unit, grantee).ConfigureAwait(false);
            var grant = new SharingGrant(grantee, unit.Actor.User, unit.Actor.Agency, unit.Time.GetUtcNow());
            await unit.ExecuteAsync(
                "INSERT INTO case_grants (case_id, agency, granted_by, granting_agency, granted_at) VALUES (@CaseId, @Agency, @GrantedBy, @GrantingAgency, @GrantedAt) ON CONFLICT (case_id, agency) DO NOTHING",
                new { CaseId = current.Id, grant.Agency, grant.GrantedBy, grant.GrantingAgency, GrantedAt = CustodyEntry.FormatTime(grant.GrantedAt) }).ConfigureAwait(false);
            await BumpVersionAsync(unit, current).ConfigureAwait(false);
            var shared = current with { Grants = [.. current.Grants.Where(g => g.Agency != grantee), grant], Version = current.Version + 1 };
            await unit.RecordAsync("case.share", "case", shared.Id, CustodyRecord.HashOf("grant:" + grantee)).ConfigureAwait(false);
            return shared;
        }, cancellationToken);
    }

    /// <summary>Loads the case with <paramref name="reference"/> if the unit's agency may see it; otherwise throws <see cref="NotFoundException"/>.</summary>
    public static async Task<Case> LoadVisibleAsync(UnitOfWork unit, string reference, bool forUpdate = false)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var row = await unit.QuerySingleOrDefaultAsync<CaseRows.CaseRow>(
            $"SELECT {CaseRows.CaseColumns} FROM cases WHERE reference = @reference" + (forUpdate ? unit.ForUpdate : ""), new { reference }).ConfigureAwait(false);
        if (row is null) throw new NotFoundException($"unknown case '{reference}'");
        var found = await CaseChildren.LoadAsync(unit, row.ToCase()).ConfigureAwait(false);
        if (!found.IsVisibleTo(unit.Actor.Agency))
            throw new NotFoundException($"unknown case '{reference}' (not owned by or shared with agency '{unit.Actor.Agency}')");
        return found;
    }

    /// <summary>Increments the case version if it is still <c>current.Version</c> (used when evidence or ledger events change a case).</summary>
    public static async Task BumpVersionAsync(UnitOfWork unit, Case current)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(current);
        var updated = await unit.ExecuteAsync("UPDATE cases SET version = version + 1 WHERE id = @Id AND version = @Version", new { current.Id, current.Version }).ConfigureAwait(false);
        if (updated == 0) throw Conflict(current);
    }

    /// <summary>Records the actor's agency and user if this is their first action.</summary>
    public static async Task EnsureActorAsync(UnitOfWork unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        await EnsureAgencyAsync(unit, unit.Actor.Agency).ConfigureAwait(false);
        await unit.ExecuteAsync("INSERT INTO users (login, agency_code, display_name) VALUES (@User, @Agency, @User) ON CONFLICT (login) DO NOTHING", unit.Actor).ConfigureAwait(false);
    }

    public static Task EnsureAgencyAsync(UnitOfWork unit, string code)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.ExecuteAsync("INSERT INTO agencies (code, name, country) VALUES (@code, @code, '') ON CONFLICT (code) DO NOTHING", new { code });
    }

    /// <summary>SHA-256 of the case as JSON: what the custody entry says the case looked like.</summary>
    public static string ContentHash(Case value) => CustodyRecord.HashOf(JsonSerializer.Serialize(value));

    private static async Task SaveAsync(UnitOfWork unit, Case saved, long expectedVersion)
    {
        var updated = await unit.ExecuteAsync(
            "UPDATE cases SET title = @Title, offence_type = @OffenceType, status = @Status, closed_at = @ClosedAt, version = @Version WHERE id = @Id AND version = @ExpectedVersion",
            new
            {
                saved.Title, saved.OffenceType, Status = CaseRows.Text(saved.Status),
                ClosedAt = saved.ClosedAt is { } closed ? CustodyEntry.FormatTime(closed) : null,
                saved.Version, saved.Id, ExpectedVersion = expectedVersion,
            }).ConfigureAwait(false);
        if (updated == 0) throw Conflict(saved with { Version = expectedVersion });
        await CaseChildren.ReplaceAsync(unit, saved).ConfigureAwait(false);
    }

    private static ConcurrencyException Conflict(Case stale) =>
        new($"case '{stale.Reference}' was changed by someone else since version {stale.Version}; reload it and try again");
}
