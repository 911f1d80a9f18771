using System.Security.Cryptography;
using Cairn.Core;

namespace Cairn.Storage.Evidence;

/// <summary>
/// Content-addressed evidence files: <c>&lt;data&gt;/evidence/&lt;first two hex&gt;/&lt;sha256&gt;</c>.
/// An import copies into <c>evidence/tmp</c> while hashing, fsyncs, then renames into place, so a
/// stored file is always complete. Files are written before the database transaction that
/// references them commits; a kill in between leaves an unreferenced file, which
/// <see cref="SqlEvidenceStore.ReconcileAsync"/> removes at the next start.
/// </summary>
public sealed class EvidenceFiles
{
    public EvidenceFiles(string dataDirectory)
    {
        Root = Path.Combine(dataDirectory, "evidence");
    }

    public string Root { get; }

    private string TemporaryDirectory => Path.Combine(Root, "tmp");

    public string PathOf(string sha256) => Path.Combine(Root, sha256[..2], sha256);

    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    /// <summary>Copies <paramref name="sourcePath"/> into the store; returns its SHA-256 and size.</summary>
    public async Task<(string Sha256, long SizeBytes)> ImportAsync(string sourcePath, CancellationToken cancellationToken)
    {
        if (!File.Exists(sourcePath)) throw new NotFoundException($"evidence file '{sourcePath}' does not exist");
        Directory.CreateDirectory(TemporaryDirectory);
        var temporary = Path.Combine(TemporaryDirectory, Guid.NewGuid().ToString("N"));
        string sha256;
        long size;
        await using (var source = File.OpenRead(sourcePath))
        await using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        using (var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                hasher.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
            target.Flush(flushToDisk: true);
            sha256 = Convert.ToHexStringLower(hasher.GetHashAndReset());
            size = target.Length;
        }
        var final = PathOf(sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(final)!);
        if (File.Exists(final)) File.Delete(temporary);
        else File.Move(temporary, final);
        return (sha256, size);
    }

    public Stream Open(string sha256) => File.OpenRead(PathOf(sha256));

    /// <summary>Every stored file's hash (name), leftovers in tmp excluded.</summary>
    public IEnumerable<string> StoredHashes() => Directory.Exists(Root)
        ? Directory.EnumerateDirectories(Root).Where(d => Path.GetFileName(d) != "tmp")
            .SelectMany(Directory.EnumerateFiles).Select(f => Path.GetFileName(f)!)
        : [];

    /// <summary>Deletes half-written imports left by a killed process.</summary>
    public int DeleteTemporaryFiles()
    {
        if (!Directory.Exists(TemporaryDirectory)) return 0;
        var files = Directory.GetFiles(TemporaryDirectory);
        foreach (var file in files) File.Delete(file);
        return files.Length;
    }

    public void Delete(string sha256) => File.Delete(PathOf(sha256));
}
