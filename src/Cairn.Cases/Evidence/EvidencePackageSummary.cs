namespace Cairn.Cases.Evidence;

/// <summary>What an export wrote: how many files and log entries, against which signed tree head.</summary>
public sealed record EvidencePackageSummary(string CaseReference, int Files, int LogEntries, long TreeSize, string RootHash, string KeyId);
