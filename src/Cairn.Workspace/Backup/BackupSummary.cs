namespace Cairn.Workspace.Backup;

/// <summary>What <c>cairn backup</c> wrote: the archive, its own SHA-256, and what it holds.</summary>
public sealed record BackupSummary(string Archive, string ArchiveSha256, long ArchiveBytes, int Files, long DataBytes, bool DatabaseIncluded,
    bool KeysIncluded, IReadOnlyList<string> KeysLeftOut, DateTimeOffset CreatedAt);
