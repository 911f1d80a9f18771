using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Cases.Evidence;
using Cairn.Core;
using Cairn.Storage.Cases;
using Cairn.Storage.Custody;

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
    private readonly SqlCustodyLog _log;

    public SqlEvidenceStore(CairnDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _log = new SqlCustodyLog(database);
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
            var owner = await SqlCaseStore.LoadVisibleAsync(unit, caseReference, forUpdate: true).ConfigureAwait(false);
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

    public async Task<EvidencePackageSummary> ExportAsync(Actor actor, string caseReference, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (owner, items) = await _database.InTransactionAsync(actor, async unit =>
        {
            var found = await SqlCaseStore.LoadVisibleAsync(unit, caseReference).ConfigureAwait(false);
            var list = await LoadAsync(unit, found.Id).ConfigureAwait(false);
            foreach (var item in list)
                await unit.RecordAsync("evidence.export", "evidence", item.Id, item.Sha256).ConfigureAwait(false);
            await unit.RecordAsync("case.export", "case", found.Id, CustodyRecord.HashOf(string.Join("\n", list.Select(i => i.Sha256)))).ConfigureAwait(false);
            return (found, list);
        }, cancellationToken).ConfigureAwait(false);

        var head = await _log.GetHeadAsync(cancellationToken).ConfigureAwait(false);
        var files = new List<PackageFile>();
        foreach (var item in items)
        {
            var entries = await ProvenAsync("evidence", item.Id, head.Head.TreeSize, cancellationToken).ConfigureAwait(false);
            files.Add(new PackageFile(item.Id, $"files/{item.Sha256}/{item.FileName}", item.Sha256, item.SizeBytes, item.FileName,
                item.CollectedBy, item.CollectedAgency, CustodyEntry.FormatTime(item.CollectedAt), item.Method, item.Source, entries));
        }
        var caseEntries = await ProvenAsync("case", owner.Id, head.Head.TreeSize, cancellationToken).ConfigureAwait(false);
        var manifest = new PackageManifest(PackageManifest.FormatName,
            new PackageCase(owner.Id, owner.Reference, owner.Title, owner.OwningAgency),
            CustodyEntry.FormatTime(_database.Time.GetUtcNow()), actor.User, actor.Agency,
            new PackageTreeHead(head.Head.TreeSize, head.Head.RootHash, CustodyEntry.FormatTime(head.Head.Timestamp), head.KeyId, head.Signature),
            files, caseEntries);
        EvidencePackage.Write(output, manifest, file => Files.Open(file.Sha256), _database.Signer);
        return new EvidencePackageSummary(owner.Reference, files.Count, files.Sum(f => f.LogEntries.Count) + caseEntries.Count, head.Head.TreeSize, head.Head.RootHash, head.KeyId);
    }

    /// <summary>
    /// Removes half-written imports, and stored files no evidence row references that are older
    /// than <paramref name="grace"/> (younger ones may belong to an import still in flight in
    /// another process); lists rows whose file is missing.
    /// </summary>
    public async Task<ReconcileReport> ReconcileAsync(TimeSpan grace, CancellationToken cancellationToken = default)
    {
        var temporary = Files.DeleteTemporaryFiles();
        var referenced = await _database.QueryAsync(async connection =>
            (await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT DISTINCT sha256 FROM evidence").ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        var now = _database.Time.GetUtcNow();
        var orphans = Files.StoredHashes()
            .Where(hash => !referenced.Contains(hash) && (grace <= TimeSpan.Zero || now - File.GetLastWriteTimeUtc(Files.PathOf(hash)) >= grace))
            .ToList();
        foreach (var orphan in orphans) Files.Delete(orphan);
        var missing = referenced.Where(hash => !Files.Exists(hash)).Order(StringComparer.Ordinal).ToList();
        return new ReconcileReport(temporary, orphans, missing);
    }

    private async Task<IReadOnlyList<PackageLogEntry>> ProvenAsync(string objectType, string objectId, long treeSize, CancellationToken cancellationToken)
    {
        var result = new List<PackageLogEntry>();
        foreach (var entry in (await _log.GetEntriesForAsync(objectType, objectId, cancellationToken).ConfigureAwait(false)).Where(e => e.Sequence < treeSize))
        {
            var proof = await _log.GetInclusionProofAsync(entry.Sequence, treeSize, cancellationToken).ConfigureAwait(false);
            result.Add(new PackageLogEntry(System.Text.Encoding.UTF8.GetString(entry.CanonicalBytes()), entry.Sequence, proof.AuditPath));
        }
        return result;
    }

    private static async Task<IReadOnlyList<EvidenceItem>> LoadAsync(UnitOfWork unit, string caseId)
    {
        var rows = await unit.QueryAsync<EvidenceRow>($"SELECT {Columns} FROM evidence WHERE case_id = @caseId ORDER BY collected_at, id", new { caseId }).ConfigureAwait(false);
        return rows.Select(r => new EvidenceItem(r.Id, r.CaseId, r.Sha256, r.FileName, r.SizeBytes, r.CollectedBy, r.CollectedAgency, CustodyEntry.ParseTime(r.CollectedAt), r.Method, r.Source)).ToList();
    }

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
