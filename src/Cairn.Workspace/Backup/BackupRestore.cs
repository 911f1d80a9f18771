using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Cairn.Core;

namespace Cairn.Workspace.Backup;

/// <summary>
/// <c>cairn --data DIR restore FILE</c>: reads the archive twice. The first pass checks every
/// file's SHA-256 and size against the manifest (and refuses unsafe names, duplicates and files the
/// manifest does not list) before anything is written; the second unpacks into a temporary folder
/// beside DIR, checking the hashes again, and only then moves the folder into place. A non-empty DIR
/// is refused unless <c>force</c>; then it is moved aside (kept, never deleted). Needs no database:
/// the restored installation opens (and migrates) at its next start.
/// </summary>
public static class BackupRestore
{
    private const long MaxManifestBytes = 256L << 20;

    public static async Task<RestoreSummary> RestoreAsync(string? archivePath, string dataDirectory, bool force, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        ArgumentNullException.ThrowIfNull(time);
        var archive = Path.GetFullPath(ValidationException.Required(archivePath, "file"));
        if (!File.Exists(archive)) throw new ValidationException("file", $"backup '{archive}' does not exist");
        var target = Path.GetFullPath(dataDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var occupied = Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any();
        if (occupied && !force)
            throw new ValidationException("force", $"data directory '{target}' is not empty: restore into an empty or new directory, or add --force (the current content is moved aside, not deleted)");
        if (File.Exists(target)) throw new CairnException($"'{target}' is a file, not a data directory");

        // Pass 1: check everything; nothing is written.
        var manifest = await CheckAsync(archive, null, cancellationToken).ConfigureAwait(false);

        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.restoring-{Guid.NewGuid():N}");
        string? movedAside = null;
        try
        {
            CreateOwnerOnlyDirectory(staging);
            // Pass 2: unpack into the staging folder, checking the same hashes again (the file may have changed since pass 1).
            await CheckAsync(archive, staging, cancellationToken).ConfigureAwait(false);
            if (occupied)
            {
                movedAside = $"{target}.before-restore-{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}";
                Directory.Move(target, movedAside);
            }
            else if (Directory.Exists(target))
            {
                Directory.Delete(target);
            }
            Directory.Move(staging, target);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
        return new RestoreSummary(target, manifest.Files.Count, manifest.Files.Sum(f => f.SizeBytes), manifest.DatabaseIncluded, manifest.KeysIncluded,
            manifest.KeysLeftOut, manifest.CreatedAt, movedAside);
    }

    /// <summary>Reads the whole archive, hashing every file (writing it under <paramref name="unpackTo"/> when given), and checks it against the manifest.</summary>
    private static async Task<BackupManifest> CheckAsync(string archive, string? unpackTo, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, (long Size, string Sha256)>(StringComparer.Ordinal);
        string? manifestJson = null;
        try
        {
            await using var file = File.OpenRead(archive);
            await using var gzip = new GZipStream(file, CompressionMode.Decompress);
            await using var reader = new TarReader(gzip);
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
            {
                var name = entry.Name;
                if (entry.EntryType is TarEntryType.Directory) continue;
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                    throw new CairnException($"backup '{archive}': entry '{Printable(name)}' is a {entry.EntryType}, not a file");
                if (found.ContainsKey(name) || (name == BackupManifest.EntryName && manifestJson is not null))
                    throw new CairnException($"backup '{archive}': entry '{Printable(name)}' appears twice");
                if (name == BackupManifest.EntryName)
                {
                    if (entry.Length > MaxManifestBytes) throw new CairnException($"backup '{archive}': {BackupManifest.EntryName} is larger than {MaxManifestBytes >> 20} MiB");
                    using var text = new StreamReader(entry.DataStream ?? Stream.Null, Encoding.UTF8);
                    manifestJson = await text.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }
                if (name == BackupManifest.ChecksumsEntryName) continue;
                if (!name.StartsWith(BackupManifest.DataPrefix, StringComparison.Ordinal) || !IsSafeRelativePath(name[BackupManifest.DataPrefix.Length..]))
                    throw new CairnException($"backup '{archive}': unsafe or unexpected entry name '{Printable(name)}'");
                found[name] = await HashEntryAsync(entry.DataStream ?? Stream.Null, unpackTo is null ? null : Path.Combine(unpackTo, name[BackupManifest.DataPrefix.Length..]), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException or ArgumentException)
        {
            throw new CairnException($"backup '{archive}' is not a readable Cairn backup (gzip-compressed tar): {ex.Message}", ex);
        }
        if (manifestJson is null) throw new CairnException($"backup '{archive}' has no {BackupManifest.EntryName}: not a Cairn backup, or cut short");
        var manifest = BackupManifest.Parse(manifestJson);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var expected in manifest.Files)
        {
            if (!listed.Add(expected.Path)) throw new CairnException($"backup '{archive}': {BackupManifest.EntryName} lists '{Printable(expected.Path)}' twice");
            if (!found.TryGetValue(expected.Path, out var actual))
                throw new CairnException($"backup '{archive}' is damaged: {Printable(expected.Path)} is listed in {BackupManifest.EntryName} but missing from the archive");
            if (actual.Sha256 != expected.Sha256 || actual.Size != expected.SizeBytes)
                throw new CairnException($"backup '{archive}' is damaged: {Printable(expected.Path)} has SHA-256 {actual.Sha256} ({actual.Size} bytes), {BackupManifest.EntryName} says {expected.Sha256} ({expected.SizeBytes} bytes)");
        }
        if (found.Keys.FirstOrDefault(k => !listed.Contains(k)) is { } extra)
            throw new CairnException($"backup '{archive}' is damaged: {Printable(extra)} is not listed in {BackupManifest.EntryName}");
        return manifest;
    }

    private static async Task<(long Size, string Sha256)> HashEntryAsync(Stream data, string? writeTo, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        FileStream? output = null;
        if (writeTo is not null)
        {
            CreateOwnerOnlyDirectory(Path.GetDirectoryName(writeTo)!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, BufferSize = 1 << 16 };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            output = new FileStream(writeTo, options);
        }
        long size = 0;
        await using (output)
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await data.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                size += read;
                if (output is not null) await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
            output?.Flush(flushToDisk: true);
        }
        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>A relative '/'-separated path with no empty, "." or ".." segment, no '\', ':' or control character.</summary>
    internal static bool IsSafeRelativePath(string path) =>
        path.Length > 0 && !path.StartsWith('/') && !path.Any(c => c == '\\' || c == ':' || char.IsControl(c))
        && path.Split('/').All(segment => segment.Length > 0 && segment != "." && segment != "..");

    private static void CreateOwnerOnlyDirectory(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static string Printable(string name) => new(name.Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
