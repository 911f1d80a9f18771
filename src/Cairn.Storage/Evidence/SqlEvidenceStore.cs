using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Cases.Cases;
using Cairn.Cases.Evidence;
using Cairn.Core;
using Cairn.Core.Paging;
using Cairn.Storage.Cases;

namespace Cairn.Storage.Evidence;

/// <summary>
/// Evidence metadata in SQL (Migrations/003_evidence.sql), bytes in <see cref="EvidenceFiles"/>.
/// Import order gives kill safety: file stored (temp, fsync, rename) → one transaction with the
/// row and its "evidence.add" custody entry → commit. A kill before commit leaves only an
/// unreferenced file, removed by <see cref="ReconcileAsync"/>; never a row or entry without its file.
/// </summary>
public sealed class SqlEvidenceStore : IEvidenceStore
{
    private const string Columns =
        "id AS Id, case_id AS CaseId, sha256 AS Sha256, file_name AS FileName, size_bytes AS SizeBytes, collected_by AS CollectedBy, " +
        "collected_agency AS CollectedAgency, collected_at AS CollectedAt, method AS Method, source AS Source";

    private readonly CairnDatabase _database;

    public SqlEvidenceStore(CairnDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        Files = new EvidenceFiles(database.DataDirectory ?? throw new InvalidOperationException("evidence needs a database opened with a data directory"));
    }

    public EvidenceFiles Files { get; }

    public async Task<EvidenceItem> AddAsync(Actor actor, string caseReference, string filePath, string method, string source, CancellationToken cancellationToken = default)
    {
        var how = Identifiers.Require(method, "evidence method");
        if (string.IsNullOrWhiteSpace(source)) throw new CairnException("evidence source must not be empty: say where the file came from");
        var (sha256, size) = await Files.ImportAsync(filePath, cancellationToken).ConfigureAwait(false);
        CrashPoints.Reach("evidence.file-stored");
        return await _database.InTransactionAsync(actor, async unit =>
        {
            var owner = await SqlCaseStore.LoadVisibleAsync(unit, caseReference, forUpdate: true, need: CaseAccess.Contribute).ConfigureAwait(false);
            var duplicate = await unit.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM evidence WHERE case_id = @Id AND sha256 = @sha256", new { owner.Id, sha256 }).ConfigureAwait(false);
            if (duplicate > 0) throw new CairnException($"case '{caseReference}' already holds a file with SHA-256 {sha256}");
            var item = new EvidenceItem(CairnIds.New(unit.Time), owner.Id, sha256, SafeFileName.From(Path.GetFileName(filePath)), size,
                unit.Actor.User, unit.Actor.Agency, unit.Time.GetUtcNow(), how, source.Trim());
            await unit.ExecuteAsync(
                "INSERT INTO evidence (id, case_id, sha256, file_name, size_bytes, collected_by, collected_agency, collected_at, method, source) " +
                "VALUES (@Id, @CaseId, @Sha256, @FileName, @SizeBytes, @CollectedBy, @CollectedAgency, @CollectedAtText, @Method, @Source)",
                new { item.Id, item.CaseId, item.Sha256, item.FileName, item.SizeBytes, item.CollectedBy, item.CollectedAgency, CollectedAtText = CustodyEntry.FormatTime(item.CollectedAt), item.Method, item.Source }).ConfigureAwait(false);
            await unit.RecordAsync("evidence.add", "evidence", item.Id, sha256).ConfigureAwait(false);
            CrashPoints.Reach("evidence.before-commit");
            return item;
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<EvidenceItem>> ListAsync(Actor actor, string caseReference, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, async unit =>
        {
            var owner = await SqlCaseStore.LoadVisibleAsync(unit, caseReference).ConfigureAwait(false);
            var items = await LoadAsync(unit, owner.Id).ConfigureAwait(false);
            await unit.RecordAsync("evidence.list", "case", owner.Id, CustodyRecord.HashOf(string.Join("\n", items.Select(i => i.Sha256)))).ConfigureAwait(false);
            return items;
        }, cancellationToken);

    public Task<Page<EvidenceItem>> ListAsync(Actor actor, string caseReference, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        return _database.InTransactionAsync(actor, async unit =>
        {
            var owner = await SqlCaseStore.LoadVisibleAsync(unit, caseReference).ConfigureAwait(false);
            var total = await unit.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM evidence WHERE case_id = @Id AND purged_at IS NULL", new { owner.Id }).ConfigureAwait(false);
            var rows = await unit.QueryAsync<EvidenceRow>($"SELECT {Columns} FROM evidence WHERE case_id = @Id AND purged_at IS NULL ORDER BY collected_at, id LIMIT @Limit OFFSET @Offset",
                new { owner.Id, Limit = (long)page.Limit, page.Offset }).ConfigureAwait(false);
            IReadOnlyList<EvidenceItem> items = rows.Select(ToItem).ToList();
            await unit.RecordAsync("evidence.list", "case", owner.Id, CustodyRecord.HashOf(string.Join("\n", items.Select(i => i.Sha256)))).ConfigureAwait(false);
            return Page<EvidenceItem>.Of(items, page, total);
        }, cancellationToken);
    }

    public Task<(Case Case, IReadOnlyList<EvidenceItem> Items)> RecordExportAsync(Actor actor, string caseReference, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(actor, async unit =>
        {
            var found = await SqlCaseStore.LoadVisibleAsync(unit, caseReference).ConfigureAwait(false);
            var list = await LoadAsync(unit, found.Id).ConfigureAwait(false);
            foreach (var item in list)
                await unit.RecordAsync("evidence.export", "evidence", item.Id, item.Sha256).ConfigureAwait(false);
            await unit.RecordAsync("case.export", "case", found.Id, CustodyRecord.HashOf(string.Join("\n", list.Select(i => i.Sha256)))).ConfigureAwait(false);
            return (found, list);
        }, cancellationToken);

    public Stream OpenFile(string sha256) => Files.Open(sha256);

    public string PathOf(string sha256) => Files.PathOf(sha256);

    /// <summary>
    /// Removes half-written imports, and stored files no evidence row references that are older
    /// than <paramref name="grace"/> (younger ones may belong to an import still in flight in
    /// another process); lists rows whose file is missing.
    /// </summary>
    public async Task<ReconcileReport> ReconcileAsync(TimeSpan grace, CancellationToken cancellationToken = default)
    {
        var temporary = Files.DeleteTemporaryFiles();
        var referenced = await _database.QueryAsync(async connection =>
            (await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT DISTINCT sha256 FROM evidence WHERE purged_at IS NULL").ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        var now = _database.Time.GetUtcNow();
        var orphans = Files.StoredHashes()
            .Where(hash => !referenced.Contains(hash) && (grace <= TimeSpan.Zero || now - File.GetLastWriteTimeUtc(Files.PathOf(hash)) >= grace))
            .ToList();
        foreach (var orphan in orphans) Files.Delete(orphan);
        var missing = referenced.Where(hash => !Files.Exists(hash)).Order(StringComparer.Ordinal).ToList();
        return new ReconcileReport(temporary, orphans, missing);
    }

    private static async Task<IReadOnlyList<EvidenceItem>> LoadAsync(UnitOfWork unit, string caseId)
    {
        var rows = await unit.QueryAsync<EvidenceRow>($"SELECT {Columns} FROM evidence WHERE case_id = @caseId AND purged_at IS NULL ORDER BY collected_at, id", new { caseId }).ConfigureAwait(false);
        return rows.Select(ToItem).ToList();
    }

    private static EvidenceItem ToItem(EvidenceRow r) =>
        new(r.Id, r.CaseId, r.Sha256, r.FileName, r.SizeBytes, r.CollectedBy, r.CollectedAgency, CustodyEntry.ParseTime(r.CollectedAt), r.Method, r.Source);

    private sealed class EvidenceRow
    {
        public string Id { get; set; } = "";

        public string CaseId { get; set; } = "";

        public string Sha256 { get; set; } = "";

        public string FileName { get; set; } = "";

        public long SizeBytes { get; set; }

        public string CollectedBy { get; set; } = "";

        public string CollectedAgency { get; set; } = "";

        public string CollectedAt { get; set; } = "";

        public string Method { get; set; } = "";

        public string Source { get; set; } = "";
    }
}
