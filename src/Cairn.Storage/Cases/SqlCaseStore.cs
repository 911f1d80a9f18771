using System.Text.Json;
using Cairn.Cases.Agencies;
using Cairn.Cases.Cases;
using Cairn.Cases.Custody;
using Cairn.Cases.Notifications;
using Cairn.Core;
using Cairn.Storage.Notifications;
using Cairn.Core.Paging;

namespace Cairn.Storage.Cases;

/// <summary>
/// Cases in SQL (Migrations/002_cases.sql). Every call is one transaction with its custody entry;
/// the static helpers take a <see cref="UnitOfWork"/> so evidence, ledger, legal requests and
/// traces can resolve and check a case inside their own transaction.
/// </summary>
public sealed class SqlCaseStore : ICaseStore
{
    // Lists carry, of all grants, only the listing agency's (so the list can say what it may do).
    private const string GrantLevelColumn = "(SELECT g.level FROM case_grants g WHERE g.case_id = cases.id AND g.agency = @Agency) AS ListingGrantLevel, " +
        "(SELECT g.pseudonymised FROM case_grants g WHERE g.case_id = cases.id AND g.agency = @Agency) AS ListingPseudonymised";

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
                OffenceDetail = newCase.OffenceDetail,
                OpenedAt = unit.Time.GetUtcNow(),
            };
            await unit.ExecuteAsync(
                "INSERT INTO cases (id, reference, title, owning_agency, offence_type, offence_detail, status, status_reason, opened_at, closed_at, version) " +
                "VALUES (@Id, @Reference, @Title, @OwningAgency, @OffenceType, @OffenceDetail, @Status, '', @OpenedAt, NULL, @Version)",
                new { created.Id, created.Reference, created.Title, created.OwningAgency, created.OffenceType, created.OffenceDetail, Status = CaseRows.Text(created.Status), OpenedAt = CustodyEntry.FormatTime(created.OpenedAt), created.Version }).ConfigureAwait(false);
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
                $"SELECT {CaseRows.CaseColumns}, {GrantLevelColumn} FROM cases WHERE owning_agency = @Agency OR id IN (SELECT case_id FROM case_grants WHERE agency = @Agency) ORDER BY opened_at, reference",
                new { unit.Actor.Agency }).ConfigureAwait(false);
            IReadOnlyList<Case> cases = rows.Select(r => r.ToListedCase(unit.Actor.Agency)).ToList();
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
                $"SELECT {CaseRows.CaseColumns}, {GrantLevelColumn} {Visible} ORDER BY opened_at, reference LIMIT @Limit OFFSET @Offset",
                new { unit.Actor.Agency, Limit = (long)page.Limit, page.Offset }).ConfigureAwait(false);
            IReadOnlyList<Case> cases = rows.Select(r => r.ToListedCase(unit.Actor.Agency)).ToList();
            await unit.RecordAsync("case.list", "case", "*", CustodyRecord.HashOf(string.Join("\n", cases.Select(c => c.Id)))).ConfigureAwait(false);
            return Page<Case>.Of(cases, page, total);
        }, cancellationToken);
    }

    public Task<Case> UpdateAsync(Actor actor, Case changed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changed);
        return _database.InTransactionAsync(actor, async unit =>
        {
            var current = await LoadVisibleAsync(unit, changed.Reference, need: CaseAccess.Owner).ConfigureAwait(false);
            if (current.Id != changed.Id) throw new CairnException($"case '{changed.Reference}' has a different id than the one being saved");
            // A subject gets its stable id when first saved.
            var subjects = changed.Subjects.Select(s => string.IsNullOrEmpty(s.Id) ? s with { Id = CairnIds.New(unit.Time) } : s).ToList();
            var saved = changed with { Subjects = subjects, Grants = current.Grants, OwningAgency = current.OwningAgency, Version = changed.Version + 1 };
            await SaveAsync(unit, saved, expectedVersion: changed.Version).ConfigureAwait(false);
            await unit.RecordAsync("case.update", "case", saved.Id, ContentHash(saved)).ConfigureAwait(false);
            return saved;
        }, cancellationToken);
    }

    public Task<Case> ShareAsync(Actor actor, string reference, string agency, GrantLevel level, CancellationToken cancellationToken = default) =>
        ShareAsync(actor, reference, agency, level, pseudonymise: false, cancellationToken);

    public Task<Case> ShareAsync(Actor actor, string reference, string agency, GrantLevel level, bool pseudonymise, CancellationToken cancellationToken = default)
    {
        var grantee = Identifiers.Require(agency, "agency");
        return _database.InTransactionAsync(actor, async unit =>
        {
            var current = await LoadVisibleAsync(unit, reference, forUpdate: true, need: CaseAccess.Owner).ConfigureAwait(false);
            if (grantee == current.OwningAgency) throw CairnException.Invalid("agency", $"case '{reference}' is owned by agency '{grantee}': it needs no grant");
            var registered = await unit.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM agencies WHERE code = @grantee AND registered_at IS NOT NULL", new { grantee }).ConfigureAwait(false);
            if (registered == 0) throw CairnException.Invalid("agency", $"unknown agency '{grantee}': cases can be shared only with agencies in the registry");
            var grant = new SharingGrant(grantee, unit.Actor.User, unit.Actor.Agency, unit.Time.GetUtcNow()) { Level = level, Pseudonymised = pseudonymise };
            var existing = current.Grants.FirstOrDefault(g => g.Agency == grantee);
            if (existing is not null && existing.Level == level && existing.Pseudonymised == pseudonymise) return current; // already so: nothing to write
            await unit.ExecuteAsync(
                "INSERT INTO case_grants (case_id, agency, granted_by, granting_agency, granted_at, level, pseudonymised) VALUES (@CaseId, @Agency, @GrantedBy, @GrantingAgency, @GrantedAt, @Level, @Pseudonymised) " +
                "ON CONFLICT (case_id, agency) DO UPDATE SET granted_by = @GrantedBy, granting_agency = @GrantingAgency, granted_at = @GrantedAt, level = @Level, pseudonymised = @Pseudonymised",
                new { CaseId = current.Id, grant.Agency, grant.GrantedBy, grant.GrantingAgency, GrantedAt = CustodyEntry.FormatTime(grant.GrantedAt), Level = CaseRows.Text(level), Pseudonymised = pseudonymise ? 1L : 0L }).ConfigureAwait(false);
            await BumpVersionAsync(unit, current).ConfigureAwait(false);
            var shared = current with { Grants = [.. current.Grants.Where(g => g.Agency != grantee), grant], Version = current.Version + 1 };
            // The content hash says what was granted, the pseudonymisation included (a grant without it hashes as before).
            await unit.RecordAsync("case.share", "case", shared.Id, CustodyRecord.HashOf($"grant:{grantee}:{CaseRows.Text(level)}{(pseudonymise ? ":pseudonymised" : "")}")).ConfigureAwait(false);
            await SqlNotificationStore.InsertAsync(unit, new NewNotification(grantee, NotificationKinds.CaseShared, current.Reference, CaseRows.Text(level) + (pseudonymise ? " pseudonymised" : ""))).ConfigureAwait(false);
            return shared;
        }, cancellationToken);
    }

    /// <summary>
    /// The cases shared with the actor's agency under a pseudonymised grant (the one named <paramref name="reference"/>, or all
    /// when null), each as stored with its victims: what the workspace needs to mask them. No custody entry: nothing is handed
    /// out here, and the read that shows the masked data is logged by the service that makes it.
    /// </summary>
    public async Task<IReadOnlyList<PseudonymisedShare>> PseudonymisedSharesAsync(Actor actor, string? reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        // Every read of case data asks this; most agencies hold no such grant, and a plain read answers them without a transaction.
        var any = await _database.QueryAsync(connection => Dapper.SqlMapper.ExecuteScalarAsync<long>(connection,
            "SELECT COUNT(*) FROM case_grants g JOIN cases c ON c.id = g.case_id WHERE g.agency = @Agency AND g.pseudonymised = 1" + (reference is null ? "" : " AND c.reference = @reference"),
            new { actor.Agency, reference }), cancellationToken).ConfigureAwait(false);
        if (any == 0) return [];
        return await _database.InTransactionAsync(actor, async unit =>
        {
            var rows = await unit.QueryAsync<CaseRows.CaseRow>(
                $"SELECT {CaseRows.CaseColumns} FROM cases WHERE id IN (SELECT case_id FROM case_grants WHERE agency = @Agency AND pseudonymised = 1)" +
                (reference is null ? "" : " AND reference = @reference") + " ORDER BY opened_at, reference",
                new { unit.Actor.Agency, reference }).ConfigureAwait(false);
            var shares = new List<PseudonymisedShare>();
            foreach (var row in rows)
            {
                var found = await CaseChildren.LoadAsync(unit, row.ToCase()).ConfigureAwait(false);
                var victims = await unit.QueryAsync<CaseRows.SubjectRow>(
                    "SELECT id AS SubjectId, 'person' AS Kind, 'victim' AS Role, name AS Name, details AS Details FROM victims WHERE case_id = @Id ORDER BY recorded_at, id", new { found.Id }).ConfigureAwait(false);
                shares.Add(new PseudonymisedShare(found, victims.Select(v => new CaseSubject(SubjectKind.Person, v.Name, v.Details) { Id = v.SubjectId, Role = SubjectRole.Victim }).ToList()));
            }
            return (IReadOnlyList<PseudonymisedShare>)shares;
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<Case> RevokeAsync(Actor actor, string reference, string agency, CancellationToken cancellationToken = default)
    {
        var grantee = Identifiers.Require(agency, "agency");
        return _database.InTransactionAsync(actor, async unit =>
        {
            var current = await LoadVisibleAsync(unit, reference, forUpdate: true, need: CaseAccess.Owner).ConfigureAwait(false);
            if (current.Grants.All(g => g.Agency != grantee)) throw CairnException.Invalid("agency", $"case '{reference}' is not shared with agency '{grantee}'");
            await unit.ExecuteAsync("DELETE FROM case_grants WHERE case_id = @Id AND agency = @grantee", new { current.Id, grantee }).ConfigureAwait(false);
            await BumpVersionAsync(unit, current).ConfigureAwait(false);
            var revoked = current with { Grants = [.. current.Grants.Where(g => g.Agency != grantee)], Version = current.Version + 1 };
            await unit.RecordAsync("case.revoke", "case", revoked.Id, CustodyRecord.HashOf("revoke:" + grantee)).ConfigureAwait(false);
            await SqlNotificationStore.InsertAsync(unit, new NewNotification(grantee, NotificationKinds.CaseRevoked, current.Reference, "")).ConfigureAwait(false);
            return revoked;
        }, cancellationToken);
    }

    /// <summary>
    /// Loads the case with <paramref name="reference"/> if the unit's agency may see it; otherwise throws
    /// <see cref="NotFoundException"/> with the same message as for a case that does not exist (a refusal
    /// must not tell whether the case exists). When the agency sees it but its access is below
    /// <paramref name="need"/>, throws <see cref="ForbiddenException"/>.
    /// </summary>
    public static async Task<Case> LoadVisibleAsync(UnitOfWork unit, string reference, bool forUpdate = false, CaseAccess need = CaseAccess.Read)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var row = await unit.QuerySingleOrDefaultAsync<CaseRows.CaseRow>(
            $"SELECT {CaseRows.CaseColumns} FROM cases WHERE reference = @reference" + (forUpdate ? unit.ForUpdate : ""), new { reference }).ConfigureAwait(false);
        if (row is null) throw UnknownCase(reference);
        var found = await CaseChildren.LoadAsync(unit, row.ToCase()).ConfigureAwait(false);
        var access = found.AccessOf(unit.Actor.Agency);
        if (access == CaseAccess.None) throw UnknownCase(reference);
        if (access < need)
            throw new ForbiddenException(need == CaseAccess.Owner
                ? $"only the owning agency '{found.OwningAgency}' can do this to case '{reference}'"
                : $"agency '{unit.Actor.Agency}' has read-only access to case '{reference}': adding to it needs a contribute share");
        return found;
    }

    /// <summary>The one answer for a case that does not exist and a case the agency may not see.</summary>
    public static NotFoundException UnknownCase(string reference) => new($"unknown case '{reference}'");

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
            "UPDATE cases SET title = @Title, offence_type = @OffenceType, offence_detail = @OffenceDetail, status = @Status, status_reason = @StatusReason, closed_at = @ClosedAt, version = @Version WHERE id = @Id AND version = @ExpectedVersion",
            new
            {
                saved.Title, saved.OffenceType, saved.OffenceDetail, Status = CaseRows.Text(saved.Status), saved.StatusReason,
                ClosedAt = saved.ClosedAt is { } closed ? CustodyEntry.FormatTime(closed) : null,
                saved.Version, saved.Id, ExpectedVersion = expectedVersion,
            }).ConfigureAwait(false);
        if (updated == 0) throw Conflict(saved with { Version = expectedVersion });
        await CaseChildren.ReplaceAsync(unit, saved).ConfigureAwait(false);
    }

    private static ConcurrencyException Conflict(Case stale) =>
        new($"case '{stale.Reference}' was changed by someone else since version {stale.Version}; reload it and try again");
}
