namespace Cairn.Cases.Evidence;

/// <summary>
/// A file held as evidence: stored once by its SHA-256 (<see cref="Sha256"/>, lowercase hex),
/// with who collected it, when, how (<see cref="Method"/>: e.g. "trace", "screenshot",
/// "received-mla") and from where (<see cref="Source"/>: free text such as a trace's parameters and
/// chain tip, a URL, or the foreign authority and its letter reference).
/// </summary>
public sealed record EvidenceItem(
    string Id,
    string CaseId,
    string Sha256,
    string FileName,
    long SizeBytes,
    string CollectedBy,
    string CollectedAgency,
    DateTimeOffset CollectedAt,
    string Method,
    string Source);
