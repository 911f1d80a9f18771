using Cairn.Core;
using Cairn.Core.Json;

namespace Cairn.Workspace.Backup;

/// <summary>
/// <c>cairn-backup.json</c>, the last entry of a backup archive: what was backed up, when, from
/// which database, and the SHA-256 and size of every file under <c>data/</c>. A restore checks every
/// file against it before anything is written to the target.
/// </summary>
public sealed record BackupManifest(
    string Format,
    DateTimeOffset CreatedAt,
    string Database,
    bool DatabaseIncluded,
    bool KeysIncluded,
    IReadOnlyList<string> KeysLeftOut,
    IReadOnlyList<BackupManifest.FileEntry> Files)
{
    public const string CurrentFormat = "cairn-backup-v1";

    /// <summary>Name of the manifest in the archive.</summary>
    public const string EntryName = "cairn-backup.json";

    /// <summary>The same hashes in the format of GNU <c>sha256sum -c</c>, for checking an unpacked backup without Cairn.</summary>
    public const string ChecksumsEntryName = "SHA256SUMS";

    /// <summary>Every backed-up file lives under this folder of the archive (relative to the data directory).</summary>
    public const string DataPrefix = "data/";

    /// <summary>One file: its path in the archive (<c>data/…</c>, forward slashes), size and lowercase hex SHA-256.</summary>
    public sealed record FileEntry(string Path, long SizeBytes, string Sha256);

    public string ToJson() => CairnJson.WriteIndented(this);

    /// <summary><c>sha256sum</c> lines ("hash, two spaces, path") for every file, in manifest order.</summary>
    public string ToChecksums() => string.Concat(Files.Select(f => $"{f.Sha256}  {f.Path}\n"));

    public static BackupManifest Parse(string json)
    {
        var manifest = CairnJson.Deserialize<BackupManifest>(json, $"backup manifest {EntryName}");
        if (manifest.Format != CurrentFormat)
            throw new CairnException($"backup manifest {EntryName}: format '{manifest.Format}' is not {CurrentFormat}");
        if (manifest.Files is null) throw new CairnException($"backup manifest {EntryName}: no file list");
        return manifest;
    }
}
