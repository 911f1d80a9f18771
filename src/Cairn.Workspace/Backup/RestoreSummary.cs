namespace Cairn.Workspace.Backup;

/// <summary>What <c>cairn restore</c> did: the data directory written, the files checked, and where a replaced directory was moved.</summary>
public sealed record RestoreSummary(string DataDirectory, int Files, long DataBytes, bool DatabaseIncluded, bool KeysIncluded,
    IReadOnlyList<string> KeysLeftOut, DateTimeOffset BackupCreatedAt, string? PreviousMovedTo);
