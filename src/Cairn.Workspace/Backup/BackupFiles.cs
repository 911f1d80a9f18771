using Cairn.Chains;
using Cairn.Storage;
using Cairn.Storage.Custody;
using Cairn.Storage.Security;
using Cairn.Workspace.Exchange;

namespace Cairn.Workspace.Backup;

/// <summary>
/// Which files of a data directory a backup copies. Left out always: the SQLite database and its
/// WAL/shared-memory files (the database is copied with the online backup API instead) and
/// half-written evidence imports (<c>evidence/tmp</c>). Left out unless asked: the chain indexes
/// (rebuilt from the node; they can be far larger than everything else) and, with
/// <see cref="BackupRequest.WithoutKeys"/>, the private keys (<see cref="KeyPaths"/>).
/// </summary>
internal static class BackupFiles
{
    /// <summary>The installation's secrets, relative to the data directory (folders end with '/').</summary>
    public static readonly IReadOnlyList<string> KeyPaths =
    [
        CustodyKeyFile.FileName,
        InstallationSecret.FileName,
        NodeKeyFiles.SigningKeyFile,
        NodeKeyFiles.EncryptionKeyFile,
        "web-keys/",
    ];

    public static bool IsKey(string relative) =>
        KeyPaths.Any(k => k.EndsWith('/') ? relative.StartsWith(k, StringComparison.Ordinal) : relative == k);

    /// <summary>Files to copy (relative paths with '/', sorted) and the key paths found but left out.</summary>
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> KeysLeftOut) Select(string dataDirectory, BackupRequest request, string? skipFullPath)
    {
        var files = new List<string>();
        var keysLeftOut = new SortedSet<string>(StringComparer.Ordinal);
        if (!Directory.Exists(dataDirectory)) return (files, []);
        var indexFolders = ChainRegistry.All.Select(c => c.IndexDirectory + "/").ToList();
        foreach (var path in Directory.EnumerateFiles(dataDirectory, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }))
        {
            if (skipFullPath is not null && string.Equals(Path.GetFullPath(path), skipFullPath, StringComparison.Ordinal)) continue;
            var relative = Path.GetRelativePath(dataDirectory, path).Replace('\\', '/');
            if (relative.StartsWith(DatabaseLocation.FileName, StringComparison.Ordinal) || relative.StartsWith("evidence/tmp/", StringComparison.Ordinal)) continue;
            if (!request.IncludeIndexes && indexFolders.Any(f => relative.StartsWith(f, StringComparison.Ordinal))) continue;
            if (request.WithoutKeys && IsKey(relative))
            {
                keysLeftOut.Add(KeyPaths.First(k => k.EndsWith('/') ? relative.StartsWith(k, StringComparison.Ordinal) : relative == k));
                continue;
            }
            files.Add(relative);
        }
        files.Sort(StringComparer.Ordinal);
        return (files, keysLeftOut.ToList());
    }
}
