namespace Cairn.Workspace.Evidence;

/// <summary>An evidence package written to a file: where, for which case, how many files and log entries, and the signed tree head it proves against.</summary>
public sealed record ExportedPackage(string Package, string CaseReference, int Files, int LogEntries, long TreeSize, string RootHash, string KeyId);
