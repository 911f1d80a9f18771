using Cairn.Cases.Agencies;
using Cairn.Cases.Cases;
using Cairn.Cases.Custody;
using Cairn.Core;
using Cairn.Storage.Cases;

namespace Cairn.Storage.Retention;

/// <summary>
/// Legal holds and purges (Retention/Migrations/091). A purge runs in one transaction: for every
/// data class with a cutoff it deletes the content of the cases closed before it (received
/// disclosures: received before it), skipping cases on hold, and appends for each object one
/// "retention.purge" custody entry whose content hash is that of what was deleted (the entries
/// written before stay: they hold hashes, never content, so the log still verifies). Then one
/// summary entry on retention:&lt;purge id&gt; whose content hash is the SHA-256 of the stored
/// report. Evidence files are deleted from disk after the commit (a crash in between leaves
/// unreferenced files, which <c>evidence reconcile</c> removes).
/// </summary>
public sealed class SqlRetentionStore
{
    public const string CaseData = "case_data";
    public const string PersonalData = "personal_data";
    public const string EvidenceFiles = "evidence_files";
    public const string ReceivedDisclosures = "received_disclosures";

    private const string DueCases =
        "SELECT c.id AS Id, c.reference AS Reference FROM cases c WHERE c.status = 'closed' AND c.closed_at IS NOT NULL AND c.closed_at <= @cutoff";

    private readonly CairnDatabase _database;

    public SqlRetentionStore(CairnDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <summary>Puts case <paramref name="reference"/> on hold (owning agency only), or changes the reason of its hold; logged ("case.hold").</summary>
    public Task<CaseHold> HoldAsync(Actor actor, string reference, string reason, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, async unit =>
        {
            var found = await SqlCaseStore.LoadVisibleAsync(unit, reference, forUpdate: true, need: CaseAccess.Owner).ConfigureAwait(false);
            var now = unit.Time.GetUtcNow();
            await unit.ExecuteAsync("DELETE FROM case_holds WHERE case_id = @Id", new { found.Id }).ConfigureAwait(false);
            await unit.ExecuteAsync("INSERT INTO case_holds (case_id, reason, held_by, agency, held_at) VALUES (@Id, @reason, @User, @Agency, @At)",
                new { found.Id, reason, actor.User, actor.Agency, At = CustodyEntry.FormatTime(now) }).ConfigureAwait(false);
            await unit.RecordAsync("case.hold", "case", found.Id, CustodyRecord.HashOf(reason)).ConfigureAwait(false);
            return new CaseHold(found.Reference, reason, actor.User, actor.Agency, now);
        }, cancellationToken);

    /// <summary>Releases the hold on case <paramref name="reference"/> (owning agency only); logged ("case.release-hold").</summary>
    public Task ReleaseAsync(Actor actor, string reference, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, async unit =>
        {
            var found = await SqlCaseStore.LoadVisibleAsync(unit, reference, forUpdate: true, need: CaseAccess.Owner).ConfigureAwait(false);
            if (await unit.ExecuteAsync("DELETE FROM case_holds WHERE case_id = @Id", new { found.Id }).ConfigureAwait(false) == 0)
                throw new CairnException($"case '{found.Reference}' is not on hold");
            await unit.RecordAsync("case.release-hold", "case", found.Id).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>The hold on a case the actor's agency may see, or null; the read is logged ("case.hold.read").</summary>
    public Task<CaseHold?> GetHoldAsync(Actor actor, string reference, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, async unit =>
        {
            var found = await SqlCaseStore.LoadVisibleAsync(unit, reference).ConfigureAwait(false);
            var row = await unit.QuerySingleOrDefaultAsync<HoldRow>(
                "SELECT c.reference AS Reference, h.reason AS Reason, h.held_by AS HeldBy, h.agency AS Agency, h.held_at AS HeldAt FROM case_holds h JOIN cases c ON c.id = h.case_id WHERE h.case_id = @Id",
                new { found.Id }).ConfigureAwait(false);
            await unit.RecordAsync("case.hold.read", "case", found.Id).ConfigureAwait(false);
            return row?.ToHold();
        }, cancellationToken);

    /// <summary>The holds on the cases <paramref name="actor"/>'s agency owns; the read is logged ("retention.holds.read").</summary>
    public Task<IReadOnlyList<CaseHold>> ListHoldsAsync(Actor actor, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, async unit =>
        {
            var rows = await unit.QueryAsync<HoldRow>(
                "SELECT c.reference AS Reference, h.reason AS Reason, h.held_by AS HeldBy, h.agency AS Agency, h.held_at AS HeldAt FROM case_holds h JOIN cases c ON c.id = h.case_id " +
                "WHERE c.owning_agency = @Agency ORDER BY c.reference", new { actor.Agency }).ConfigureAwait(false);
            await unit.RecordAsync("retention.holds.read", "retention", "holds").ConfigureAwait(false);
            return (IReadOnlyList<CaseHold>)rows.Select(r => r.ToHold()).ToList();
        }, cancellationToken);

    /// <summary>The stored reports of past purges, newest first (no case data: counts only).</summary>
    public Task<IReadOnlyList<string>> HistoryAsync(int limit, CancellationToken cancellationToken = default) =>
        _database.QueryAsync<IReadOnlyList<string>>(async connection =>
            (await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT report FROM retention_purges ORDER BY purged_at DESC, id DESC LIMIT @limit", new { limit }).ConfigureAwait(false)).ToList(),
            cancellationToken);

    /// <summary>
    /// Deletes (or with <paramref name="dryRun"/> only counts) what is due under <paramref name="cutoffs"/>;
    /// <paramref name="describe"/> writes the report to store from the purge's id, time and counts.
    /// </summary>
    public async Task<PurgeOutcome> PurgeAsync(Actor actor, RetentionCutoffs cutoffs, bool dryRun, Func<string, DateTimeOffset, IReadOnlyList<PurgedClass>, int, string> describe, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cutoffs);
        ArgumentNullException.ThrowIfNull(describe);
        var filesToDelete = new List<string>();
        var outcome = await _database.InTransactionAsync(actor, async unit =>
        {
            var now = unit.Time.GetUtcNow();
            var id = CairnIds.New(unit.Time);
            var held = (await unit.QueryAsync<string>("SELECT case_id FROM case_holds").ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
            var heldDue = new HashSet<string>(StringComparer.Ordinal);
            var items = new List<PurgedClass>();
            if (cutoffs.CaseData is { } caseCutoff)
                items.Add(await PurgeCasePartsAsync(unit, CaseData, caseCutoff, held, heldDue, dryRun,
                    [("case_notes", "case_id = @Id"), ("case_wallets", "case_id = @Id"), ("case_links", "case_id = @Id AND kind = 'trace'"),
                     ("case_trace_items", "trace_id IN (SELECT id FROM case_traces WHERE case_id = @Id)"),
                     ("case_trace_annotations", "trace_id IN (SELECT id FROM case_traces WHERE case_id = @Id)"), ("case_traces", "case_id = @Id")],
                    countTables: ["case_notes", "case_wallets", "case_traces"]).ConfigureAwait(false));
            if (cutoffs.PersonalData is { } personalCutoff)
                items.Add(await PurgeCasePartsAsync(unit, PersonalData, personalCutoff, held, heldDue, dryRun,
                    [("case_subject_identifiers", "case_id = @Id"), ("case_subjects", "case_id = @Id")], countTables: ["case_subjects"]).ConfigureAwait(false));
            if (cutoffs.EvidenceFiles is { } evidenceCutoff)
                items.Add(await PurgeEvidenceAsync(unit, evidenceCutoff, held, heldDue, dryRun, filesToDelete).ConfigureAwait(false));
            if (cutoffs.ReceivedDisclosures is { } disclosureCutoff)
                items.Add(await PurgeDisclosuresAsync(unit, disclosureCutoff, dryRun).ConfigureAwait(false));
            var report = describe(id, now, items, heldDue.Count);
            var reportHash = CustodyRecord.HashOf(report);
            if (!dryRun)
            {
                await unit.ExecuteAsync("INSERT INTO retention_purges (id, purged_at, purged_by, agency, report, report_sha256) VALUES (@id, @At, @User, @Agency, @report, @reportHash)",
                    new { id, At = CustodyEntry.FormatTime(now), actor.User, actor.Agency, report, reportHash }).ConfigureAwait(false);
            }
            await unit.RecordAsync(dryRun ? "retention.preview" : "retention.purge", "retention", id, reportHash).ConfigureAwait(false);
            return new PurgeOutcome(id, now, dryRun, items, heldDue.Count, report, reportHash);
        }, cancellationToken).ConfigureAwait(false);
        if (!dryRun && _database.DataDirectory is { } data)
        {
            var files = new Evidence.EvidenceFiles(data);
            foreach (var sha256 in filesToDelete.Distinct(StringComparer.Ordinal)) files.Delete(sha256);
        }
        return outcome;
    }

    private static async Task<List<DueCase>> DueCasesAsync(UnitOfWork unit, DateTimeOffset cutoff, HashSet<string> held, HashSet<string> heldDue)
    {
        var due = (await unit.QueryAsync<DueCase>(DueCases + " ORDER BY c.reference", new { cutoff = CustodyEntry.FormatTime(cutoff) }).ConfigureAwait(false)).ToList();
        foreach (var c in due.Where(c => held.Contains(c.Id))) heldDue.Add(c.Id);
        return due.Where(c => !held.Contains(c.Id)).ToList();
    }

    private static async Task<PurgedClass> PurgeCasePartsAsync(UnitOfWork unit, string dataClass, DateTimeOffset cutoff, HashSet<string> held, HashSet<string> heldDue, bool dryRun,
        (string Table, string Where)[] deletes, string[] countTables)
    {
        int count = 0, cases = 0;
        foreach (var due in await DueCasesAsync(unit, cutoff, held, heldDue).ConfigureAwait(false))
        {
            long found = 0;
            foreach (var table in countTables)
                found += await unit.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE case_id = @Id", new { due.Id }).ConfigureAwait(false);
            if (found == 0) continue;
            count += (int)found;
            cases++;
            if (dryRun) continue;
            foreach (var (table, where) in deletes)
                await unit.ExecuteAsync($"DELETE FROM {table} WHERE {where}", new { due.Id }).ConfigureAwait(false);
            await unit.RecordAsync("retention.purge", "case", due.Id, CustodyRecord.HashOf($"{dataClass}|{found}")).ConfigureAwait(false);
        }
        return new PurgedClass(dataClass, count, cases);
    }

    private static async Task<PurgedClass> PurgeEvidenceAsync(UnitOfWork unit, DateTimeOffset cutoff, HashSet<string> held, HashSet<string> heldDue, bool dryRun, List<string> filesToDelete)
    {
        int count = 0, cases = 0;
        foreach (var due in await DueCasesAsync(unit, cutoff, held, heldDue).ConfigureAwait(false))
        {
            var items = (await unit.QueryAsync<EvidenceRow>("SELECT id AS Id, sha256 AS Sha256 FROM evidence WHERE case_id = @Id AND purged_at IS NULL ORDER BY id", new { due.Id }).ConfigureAwait(false)).ToList();
            if (items.Count == 0) continue;
            count += items.Count;
            cases++;
            if (dryRun) continue;
            var now = CustodyEntry.FormatTime(unit.Time.GetUtcNow());
            foreach (var item in items)
            {
                await unit.ExecuteAsync("UPDATE evidence SET purged_at = @now WHERE id = @Id", new { now, item.Id }).ConfigureAwait(false);
                // The hash of the deleted file: the custody log keeps what it was, never the bytes.
                await unit.RecordAsync("retention.purge", "evidence", item.Id, item.Sha256).ConfigureAwait(false);
                // Content-addressed: the file goes only when no evidence that is kept has the same bytes.
                if (await unit.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM evidence WHERE sha256 = @Sha256 AND purged_at IS NULL", new { item.Sha256 }).ConfigureAwait(false) == 0)
                    filesToDelete.Add(item.Sha256);
            }
        }
        return new PurgedClass(EvidenceFiles, count, cases);
    }

    private static async Task<PurgedClass> PurgeDisclosuresAsync(UnitOfWork unit, DateTimeOffset cutoff, bool dryRun)
    {
        // Receipts are proofs of delivery, not disclosures; a message tied to a case on hold is kept.
        var due = (await unit.QueryAsync<MessageRow>(
            "SELECT i.message_id AS MessageId, i.envelope_digest AS Digest FROM exchange_inbox i WHERE i.purged_at IS NULL AND i.message_type <> 'receipt' AND i.received_at <= @cutoff " +
            "AND NOT EXISTS (SELECT 1 FROM case_holds h JOIN cases c ON c.id = h.case_id WHERE c.reference = i.local_case) " +
            "AND NOT EXISTS (SELECT 1 FROM fiu_disclosure_cases d JOIN case_holds h ON h.case_id = d.case_id WHERE d.message_id = i.message_id) ORDER BY i.message_id",
            new { cutoff = CustodyEntry.FormatTime(cutoff) }).ConfigureAwait(false)).ToList();
        if (!dryRun)
        {
            var now = CustodyEntry.FormatTime(unit.Time.GetUtcNow());
            foreach (var message in due)
            {
                await unit.ExecuteAsync("UPDATE exchange_inbox SET envelope = '', subject = '', purged_at = @now WHERE message_id = @MessageId", new { now, message.MessageId }).ConfigureAwait(false);
                await unit.RecordAsync("retention.purge", "envelope", message.MessageId, message.Digest).ConfigureAwait(false);
            }
        }
        return new PurgedClass(ReceivedDisclosures, due.Count, 0);
    }

    private sealed class DueCase
    {
        public string Id { get; set; } = "";
        public string Reference { get; set; } = "";
    }

    private sealed class EvidenceRow
    {
        public string Id { get; set; } = "";
        public string Sha256 { get; set; } = "";
    }

    private sealed class MessageRow
    {
        public string MessageId { get; set; } = "";
        public string Digest { get; set; } = "";
    }

    private sealed class HoldRow
    {
        public string Reference { get; set; } = "";
        public string Reason { get; set; } = "";
        public string HeldBy { get; set; } = "";
        public string Agency { get; set; } = "";
        public string HeldAt { get; set; } = "";

        public CaseHold ToHold() => new(Reference, Reason, HeldBy, Agency, CustodyEntry.ParseTime(HeldAt));
    }
}
