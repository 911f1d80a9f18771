using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Cases.Evidence;
using Cairn.Core;
using Cairn.Core.Paging;
using Cairn.Storage;

namespace Cairn.Workspace.Evidence;

/// <summary>
/// Evidence of cases: add a file (content-addressed by SHA-256, with its custody entry), list with
/// each stored file re-checked against its hash, export the signed package for a court or a foreign
/// authority, verify a package with no database at hand, and reconcile after a crash.
/// </summary>
public sealed class EvidenceService
{
    /// <summary>Unreferenced evidence files younger than this may belong to an import in flight in another process.</summary>
    public static readonly TimeSpan StartupGrace = TimeSpan.FromMinutes(10);

    private readonly IEvidenceStore _store;
    private readonly ICustodyLog _log;
    private readonly CairnDatabase _database;
    private readonly TimeProvider _time;
    private readonly Cases.CasePrivacy _privacy;

    public EvidenceService(IEvidenceStore store, ICustodyLog log, CairnDatabase database, TimeProvider time, Cases.CasePrivacy privacy)
    {
        _privacy = privacy;
        _store = store;
        _log = log;
        _database = database;
        _time = time;
    }

    /// <summary>
    /// Stores the file at <paramref name="path"/> in the case. With <paramref name="reconcileFirst"/>
    /// (the CLI, a process of its own) half-imported files of a killed earlier run are removed first.
    /// </summary>
    public async Task<EvidenceItem> AddFileAsync(Actor actor, string caseReference, string path, string? method, string? source, bool reconcileFirst = false, CancellationToken cancellationToken = default)
    {
        var how = ValidationException.Required(method, "method");
        var from = ValidationException.Required(source, "source");
        if (reconcileFirst) await _store.ReconcileAsync(StartupGrace, cancellationToken).ConfigureAwait(false);
        return await _store.AddAsync(actor, caseReference, path, how, from, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores uploaded bytes under <paramref name="fileName"/> (its directory part dropped) in the case.</summary>
    public async Task<EvidenceItem> AddUploadAsync(Actor actor, string caseReference, Stream content, string? fileName, string? method, string? source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (string.IsNullOrWhiteSpace(Path.GetFileName(fileName ?? ""))) throw new ValidationException("file", "the uploaded file has no name");
        // The name comes from the client: made safe before it touches the file system (docs/evidence.md).
        var name = SafeFileName.From(fileName);
        var how = ValidationException.Required(method, "method");
        var from = ValidationException.Required(source, "source");
        var folder = Directory.CreateTempSubdirectory("cairn-upload-");
        try
        {
            var path = Path.Combine(folder.FullName, name);
            await using (var target = File.Create(path)) await content.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
            return await _store.AddAsync(actor, caseReference, path, how, from, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>One page of the case's evidence with each stored file's cheap status: stored, missing, or altered when its size changed (see <see cref="StoredEvidenceCheck"/>).</summary>
    public async Task<Page<EvidenceEntry>> ListAsync(Actor actor, string caseReference, PageRequest page, CancellationToken cancellationToken = default)
    {
        var items = await _store.ListAsync(actor, caseReference, page, cancellationToken).ConfigureAwait(false);
        var listed = items.Map(item => new EvidenceEntry(item, StoredEvidenceCheck.QuickStatus(_store, item)));
        return await _privacy.ApplyAsync(actor, caseReference, listed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One page of the case's evidence with every stored file read again and hashed now: verified,
    /// altered or missing, each with the time of this check; logged as "evidence.check" about the case
    /// with the hash of the results.
    /// </summary>
    public async Task<Page<EvidenceEntry>> CheckStoredFilesAsync(Actor actor, string caseReference, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var items = await _store.ListAsync(actor, caseReference, page, cancellationToken).ConfigureAwait(false);
        var entries = new List<EvidenceEntry>();
        foreach (var item in items.Items)
            entries.Add(new EvidenceEntry(item, await StoredEvidenceCheck.RehashAsync(_store, item, cancellationToken).ConfigureAwait(false), _time.GetUtcNow()));
        if (entries.Count > 0)
            await _log.AppendAsync(new CustodyRecord(actor, "evidence.check", "case", entries[0].Item.CaseId,
                CustodyRecord.HashOf(string.Join("\n", entries.Select(e => $"{e.Item.Sha256} {e.Status}")))), cancellationToken).ConfigureAwait(false);
        return new Page<EvidenceEntry>(entries, items.Offset, items.Limit, items.Total, items.NextOffset);
    }

    /// <summary>
    /// Writes the case's evidence package to <paramref name="output"/>: every file, its custody
    /// entries with RFC 9162 inclusion proofs against the newest signed tree head, and the case's own
    /// entries, signed with the installation key (format: docs/evidence.md).
    /// </summary>
    public async Task<EvidencePackageSummary> ExportAsync(Actor actor, string caseReference, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(output);
        // The package holds the original files and the case as it is, which a pseudonymised share must not hand out.
        using (var mask = await _privacy.MaskAsync(actor, caseReference, cancellationToken).ConfigureAwait(false))
        {
            if (mask is not null)
                throw new ForbiddenException($"case '{caseReference}' is shared with agency '{actor.Agency}' pseudonymised: its evidence package holds the original files, which may name persons; ask the owning agency for them");
        }
        var (owner, items) = await _store.RecordExportAsync(actor, caseReference, cancellationToken).ConfigureAwait(false);
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
            CustodyEntry.FormatTime(_time.GetUtcNow()), actor.User, actor.Agency,
            new PackageTreeHead(head.Head.TreeSize, head.Head.RootHash, CustodyEntry.FormatTime(head.Head.Timestamp), head.KeyId, head.Signature),
            files, caseEntries);
        EvidencePackage.Write(output, manifest, file => _store.OpenFile(file.Sha256), _database.Signer);
        return new EvidencePackageSummary(owner.Reference, files.Count, files.Sum(f => f.LogEntries.Count) + caseEntries.Count, head.Head.TreeSize, head.Head.RootHash, head.KeyId);
    }

    /// <summary>Writes the package to <paramref name="path"/> (through a temporary file, flushed to disk, then renamed: never half a package).</summary>
    public async Task<ExportedPackage> ExportToFileAsync(Actor actor, string caseReference, string path, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(ValidationException.Required(path, "out"));
        var temporary = target + ".partial";
        EvidencePackageSummary summary;
        await using (var stream = File.Create(temporary))
        {
            summary = await ExportAsync(actor, caseReference, stream, cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, target, overwrite: true);
        return new ExportedPackage(target, summary.CaseReference, summary.Files, summary.LogEntries, summary.TreeSize, summary.RootHash, summary.KeyId);
    }

    /// <summary>
    /// Checks a package with no database: hashes, signatures, inclusion proofs. Only with
    /// <paramref name="trustedKeyPem"/> can the answer be VALID (key pinned); without it an intact
    /// package proves integrity, not who signed it.
    /// </summary>
    public static PackageCheck Verify(Stream package, string? trustedKeyPem = null)
    {
        ArgumentNullException.ThrowIfNull(package);
        return PackageCheck.Of(EvidencePackage.Verify(package, trustedKeyPem));
    }

    /// <summary>Checks the package file at <paramref name="path"/>, pinned to the public key (PEM) in <paramref name="trustedKeyPath"/> when given.</summary>
    public static PackageCheck VerifyFile(string path, string? trustedKeyPath = null)
    {
        if (!File.Exists(path)) throw new NotFoundException($"evidence package '{path}' does not exist");
        if (trustedKeyPath is not null && !File.Exists(trustedKeyPath)) throw new NotFoundException($"key file '{trustedKeyPath}' does not exist");
        var trusted = trustedKeyPath is null ? null : File.ReadAllText(trustedKeyPath);
        using var stream = File.OpenRead(path);
        return Verify(stream, trusted);
    }

    /// <summary>
    /// Checks a package pinned to this installation's own custody key (issue 17): a package signed by
    /// another key is reported as not signed by it, never as plainly valid.
    /// </summary>
    public PackageCheck VerifyPinnedToInstallation(Stream package)
    {
        ArgumentNullException.ThrowIfNull(package);
        return Verify(package, _database.Signer.ExportPublicKeyPem());
    }

    /// <summary>After a crash: removes half-imported and unreferenced files (older than <paramref name="grace"/>), lists referenced files that are missing.</summary>
    public Task<ReconcileReport> ReconcileAsync(TimeSpan grace, CancellationToken cancellationToken = default) => _store.ReconcileAsync(grace, cancellationToken);

    private async Task<IReadOnlyList<PackageLogEntry>> ProvenAsync(string objectType, string objectId, long treeSize, CancellationToken cancellationToken)
    {
        var entries = (await _log.GetEntriesForAsync(objectType, objectId, cancellationToken).ConfigureAwait(false)).Where(e => e.Sequence < treeSize).ToList();
        var proofs = await _log.GetInclusionProofsAsync([.. entries.Select(e => e.Sequence)], treeSize, cancellationToken).ConfigureAwait(false);
        return [.. entries.Select((entry, i) => new PackageLogEntry(System.Text.Encoding.UTF8.GetString(entry.CanonicalBytes()), entry.Sequence, proofs[i].AuditPath))];
    }
}
