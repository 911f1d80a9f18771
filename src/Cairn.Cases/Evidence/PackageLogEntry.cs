namespace Cairn.Cases.Evidence;

/// <summary>A custody-log entry as its exact canonical JSON, its leaf index and its RFC 9162 inclusion proof (hex) against the package's tree head.</summary>
public sealed record PackageLogEntry(string Entry, long LeafIndex, IReadOnlyList<string> InclusionProof);
