namespace Cairn.Cases.Evidence;

/// <summary>One evidence file in the package: where it is inside the ZIP, its hash and collection metadata, and the custody entries about it.</summary>
public sealed record PackageFile(
    string EvidenceId,
    string Path,
    string Sha256,
    long SizeBytes,
    string FileName,
    string CollectedBy,
    string CollectedAgency,
    string CollectedAt,
    string Method,
    string Source,
    IReadOnlyList<PackageLogEntry> LogEntries);
