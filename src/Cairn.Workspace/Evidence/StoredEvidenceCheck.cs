using System.Security.Cryptography;
using Cairn.Cases.Evidence;

namespace Cairn.Workspace.Evidence;

/// <summary>
/// Whether each stored evidence file still has the bytes it was collected with. Listing only looks
/// at what costs nothing (is the file there, has it the recorded size): "stored", "missing" or
/// "altered". Only <see cref="RehashAsync"/>, run when someone asks (the "check stored files"
/// action), may answer "verified", because it reads every byte again: a file's modification time
/// can be set back by whoever altered it, so it proves nothing (issue 17).
/// </summary>
public static class StoredEvidenceCheck
{
    public const string Stored = "stored";
    public const string Missing = "missing";
    public const string Altered = "altered";
    public const string Verified = "verified";

    /// <summary>"missing", "altered" (size differs) or "stored" (there, right size, bytes not re-read).</summary>
    public static string QuickStatus(IEvidenceStore store, EvidenceItem item)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(item);
        var file = new FileInfo(store.PathOf(item.Sha256));
        if (!file.Exists) return Missing;
        return file.Length == item.SizeBytes ? Stored : Altered;
    }

    /// <summary>"verified" when the file's SHA-256, computed now, is the recorded one; else "altered" or "missing".</summary>
    public static async Task<string> RehashAsync(IEvidenceStore store, EvidenceItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(item);
        var path = store.PathOf(item.Sha256);
        if (!File.Exists(path)) return Missing;
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
        return actual == item.Sha256 ? Verified : Altered;
    }
}
