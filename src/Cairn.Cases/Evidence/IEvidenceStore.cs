using Cairn.Cases.Agencies;
using Cairn.Cases.Cases;
using Cairn.Core.Paging;

namespace Cairn.Cases.Evidence;

/// <summary>Evidence files of cases; every call is one transaction with its custody entries.</summary>
public interface IEvidenceStore
{
    /// <summary>Imports <paramref name="filePath"/> into the case (content-addressed; logged as "evidence.add" with the file's SHA-256).</summary>
    Task<EvidenceItem> AddAsync(Actor actor, string caseReference, string filePath, string method, string source, CancellationToken cancellationToken = default);

    /// <summary>The case's evidence, logged as "evidence.list".</summary>
    Task<IReadOnlyList<EvidenceItem>> ListAsync(Actor actor, string caseReference, CancellationToken cancellationToken = default);

    /// <summary>One page of the case's evidence (paged by the database), logged as "evidence.list".</summary>
    Task<Page<EvidenceItem>> ListAsync(Actor actor, string caseReference, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>The case and all its evidence for a package, logged as "evidence.export" per file and "case.export", in one transaction.</summary>
    Task<(Case Case, IReadOnlyList<EvidenceItem> Items)> RecordExportAsync(Actor actor, string caseReference, CancellationToken cancellationToken = default);

    /// <summary>The stored bytes of a file (by SHA-256).</summary>
    Stream OpenFile(string sha256);

    /// <summary>Where the stored copy of a file lives (to check it against its hash).</summary>
    string PathOf(string sha256);

    /// <summary>
    /// After a crash: removes half-written imports and stored files no evidence references that are
    /// older than <paramref name="grace"/> (younger ones may belong to an import in flight); lists
    /// referenced files that are missing.
    /// </summary>
    Task<ReconcileReport> ReconcileAsync(TimeSpan grace, CancellationToken cancellationToken = default);
}
