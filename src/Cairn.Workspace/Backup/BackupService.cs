using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Cairn.Cases.Agencies;
using Cairn.Core;
using Cairn.Storage;
using Cairn.Storage.Backup;
using Cairn.Workspace.Custody;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Workspace.Backup;

/// <summary>
/// <c>cairn backup</c>: one gzip-compressed tar archive (POSIX pax) holding the database (SQLite's
/// online backup, consistent while the server runs), the data directory's files under <c>data/</c>,
/// and last the manifest <c>cairn-backup.json</c> with every file's SHA-256 (also as
/// <c>SHA256SUMS</c> for <c>sha256sum -c</c>). The archive is written beside the target and renamed
/// into place when complete. The backup is logged ("backup.create", content hash = the manifest's
/// SHA-256). Restoring is <see cref="BackupRestore"/>. docs/operations.md.
/// </summary>
public sealed class BackupService
{
    private readonly IServiceProvider _services;
    private readonly WorkspaceOptions _options;
    private readonly TimeProvider _time;

    public BackupService(IServiceProvider services, WorkspaceOptions options, TimeProvider time)
    {
        _services = services;
        _options = options;
        _time = time;
    }

    /// <summary>Writes a backup to <paramref name="outPath"/>, which must not exist.</summary>
    public async Task<BackupSummary> CreateAsync(Actor actor, string? outPath, BackupRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var target = Path.GetFullPath(ValidationException.Required(outPath, "out"));
        if (File.Exists(target) || Directory.Exists(target)) throw new ValidationException("out", $"out: file '{target}' exists: choose a new file name");
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder)) throw new ValidationException("out", $"out: folder '{folder}' does not exist");
        var database = _services.GetRequiredService<CairnDatabase>();
        if (database.Dialect != SqlDialect.Sqlite && !request.FilesOnly)
            throw new ValidationException("files_only", "the database is PostgreSQL: back it up with pg_dump and the data directory with 'cairn backup --files-only' (docs/operations.md)");

        var partial = Path.Combine(folder, $".{Path.GetFileName(target)}.partial-{Guid.NewGuid():N}");
        var snapshot = Path.Combine(folder, $".cairn-backup-{Guid.NewGuid():N}.db");
        try
        {
            var createdAt = _time.GetUtcNow();
            var files = new List<BackupManifest.FileEntry>();
            IReadOnlyList<string> keysLeftOut;
            string manifestJson;
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                await using (var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true))
                await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
                {
                    // The database first: files it references were written before it (evidence files are stored before their row commits).
                    if (!request.FilesOnly)
                    {
                        await SqliteOnlineBackup.CopyToAsync(database, snapshot, cancellationToken).ConfigureAwait(false);
                        files.Add(await AddFileAsync(tar, snapshot, BackupManifest.DataPrefix + DatabaseLocation.FileName, createdAt, cancellationToken).ConfigureAwait(false));
                    }
                    var (selected, leftOut) = BackupFiles.Select(_options.DataDirectory, request, target);
                    keysLeftOut = leftOut;
                    foreach (var relative in selected)
                    {
                        var source = Path.Combine(_options.DataDirectory, relative);
                        if (!File.Exists(source)) continue; // removed meanwhile (a purge or a reconcile)
                        files.Add(await AddFileAsync(tar, source, BackupManifest.DataPrefix + relative, null, cancellationToken).ConfigureAwait(false));
                    }
                    var manifest = new BackupManifest(BackupManifest.CurrentFormat, createdAt, database.Dialect == SqlDialect.Sqlite ? "sqlite" : "postgresql",
                        !request.FilesOnly, !request.WithoutKeys, keysLeftOut, files);
                    await AddTextAsync(tar, BackupManifest.ChecksumsEntryName, manifest.ToChecksums(), createdAt, cancellationToken).ConfigureAwait(false);
                    manifestJson = manifest.ToJson();
                    await AddTextAsync(tar, BackupManifest.EntryName, manifestJson, createdAt, cancellationToken).ConfigureAwait(false);
                }
                file.Flush(flushToDisk: true);
            }
            File.Move(partial, target);
            var manifestHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(manifestJson)));
            await _services.GetRequiredService<CustodyService>().RecordAsync(actor, "backup.create", "installation", "backup", manifestHash, cancellationToken).ConfigureAwait(false);
            var archiveHash = await HashFileAsync(target, cancellationToken).ConfigureAwait(false);
            return new BackupSummary(target, archiveHash, new FileInfo(target).Length, files.Count, files.Sum(f => f.SizeBytes), !request.FilesOnly,
                !request.WithoutKeys, keysLeftOut, createdAt);
        }
        finally
        {
            File.Delete(partial);
            File.Delete(snapshot);
        }
    }

    private static async Task<BackupManifest.FileEntry> AddFileAsync(TarWriter tar, string source, string name, DateTimeOffset? time, CancellationToken cancellationToken)
    {
        await using var data = new HashingReadStream(source);
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            DataStream = data,
            ModificationTime = time ?? File.GetLastWriteTimeUtc(source),
            // Everything in a data directory is personal data or a key: owner only.
            Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        await tar.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
        return new BackupManifest.FileEntry(name, data.Length, data.Sha256());
    }

    private static async Task AddTextAsync(TarWriter tar, string name, string text, DateTimeOffset time, CancellationToken cancellationToken)
    {
        using var data = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = data, ModificationTime = time, Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite };
        await tar.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
    }

    internal static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }
}
