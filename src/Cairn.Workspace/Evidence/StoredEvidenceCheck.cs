using System.Collections.Concurrent;
using System.Security.Cryptography;
using Cairn.Cases.Evidence;

namespace Cairn.Workspace.Evidence;

/// <summary>
/// Whether each stored evidence file still has the bytes it was collected with: verified, altered
/// or missing. A file is hashed again only when its size or modification time changed since its
/// last check, so listing a case's evidence does not re-read gigabytes each time; any write to
/// the file changes its time and brings a full re-hash.
/// </summary>
public sealed class StoredEvidenceCheck
{
    private readonly ConcurrentDictionary<string, (long Length, DateTime Modified, string Status)> _checked = new(StringComparer.Ordinal);

    public async Task<string> StatusAsync(IEvidenceStore store, EvidenceItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(item);
        var file = new FileInfo(store.PathOf(item.Sha256));
        if (!file.Exists) return "missing";
        if (_checked.TryGetValue(file.FullName, out var known) && known.Length == file.Length && known.Modified == file.LastWriteTimeUtc) return known.Status;
        await using var stream = file.OpenRead();
        var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
        var status = actual == item.Sha256 ? "verified" : "altered";
        _checked[file.FullName] = (file.Length, file.LastWriteTimeUtc, status);
        return status;
    }
}
