using Cairn.Cases.Agencies;

namespace Cairn.Cases.Evidence;

/// <summary>Evidence files of cases; every call is one transaction with its custody entries.</summary>
public interface IEvidenceStore
{
    /// <summary>Imports <paramref name="filePath"/> into the case (content-addressed; logged as "evidence.add" with the file's SHA-256).</summary>
    Task<EvidenceItem> AddAsync(Actor actor, string caseReference, string filePath, string method, string source, CancellationToken cancellationToken = default);

    /// <summary>The case's evidence, logged as "evidence.list".</summary>
    Task<IReadOnlyList<EvidenceItem>> ListAsync(Actor actor, string caseReference, CancellationToken cancellationToken = default);

    /// <summary>Writes the case's evidence package (ZIP) to <paramref name="output"/>, logged as "evidence.export".</summary>
    Task<EvidencePackageSummary> ExportAsync(Actor actor, string caseReference, Stream output, CancellationToken cancellationToken = default);
}
