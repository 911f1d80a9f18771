using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Cairn.Cases.Evidence;

/// <summary>
/// A package ZIP opened defensively: the first local header must be an uncompressed <c>mimetype</c>
/// with no extra field (ASiC, ETSI EN 319 162-1 §A.1); entry names must be unique and safe
/// (<see cref="SafeFileName.IsSafeEntryName"/>, <c>META-INF/</c> allowed); declared sizes must fit
/// <see cref="PackageLimits"/>; reads never go past an entry's declared size.
/// </summary>
internal sealed class PackageArchive : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries;
    private readonly PackageLimits _limits;

    private PackageArchive(ZipArchive zip, Dictionary<string, ZipArchiveEntry> entries, PackageLimits limits)
    {
        _zip = zip;
        _entries = entries;
        _limits = limits;
    }

    public IReadOnlyCollection<string> Names => _entries.Keys;

    /// <summary>Opens the archive, or returns the reason it must not be read any further.</summary>
    public static PackageArchive Open(Stream stream, PackageLimits limits)
    {
        if (!stream.CanSeek) throw new ArgumentException("the package stream must be seekable", nameof(stream));
        CheckMimetypeHeader(stream);
        stream.Position = 0;
        var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        try
        {
            if (zip.Entries.Count > limits.MaxEntries) throw new InvalidDataException($"{zip.Entries.Count} entries, more than the {limits.MaxEntries} allowed");
            var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                var name = entry.FullName;
                if (!entries.TryAdd(name, entry)) throw new InvalidDataException($"duplicate entry name '{Printable(name)}' (a verifier and an extractor could see different files)");
                if (name.EndsWith('/')) throw new InvalidDataException($"directory entry '{Printable(name)}' is not allowed");
                if (!SafeFileName.IsSafeEntryName(name)) throw new InvalidDataException($"unsafe entry name '{Printable(name)}' (absolute, '..', '\\' or control characters)");
                declared += entry.Length;
                if (entry.Length < 0 || declared > limits.MaxTotalBytes)
                    throw new InvalidDataException($"the package expands to more than {limits.MaxTotalBytes} bytes (declared sizes), refused before reading");
            }
            return new PackageArchive(zip, entries, limits);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    public bool Contains(string name) => _entries.ContainsKey(name);

    /// <summary>A small file's bytes (manifests, signature), capped by <see cref="PackageLimits.MaxMetadataBytes"/>.</summary>
    public byte[] ReadSmall(string name)
    {
        var entry = Entry(name);
        if (entry.Length > _limits.MaxMetadataBytes) throw new InvalidDataException($"{name} declares {entry.Length} bytes, more than {_limits.MaxMetadataBytes} allowed for it");
        using var buffer = new MemoryStream();
        Copy(entry, buffer, null);
        return buffer.ToArray();
    }

    /// <summary>SHA-256 and size of an entry, hashed as it streams (never held in memory).</summary>
    public (byte[] Sha256, long Size) Hash(string name)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var size = Copy(Entry(name), null, hash);
        return (hash.GetHashAndReset(), size);
    }

    private ZipArchiveEntry Entry(string name) => _entries.TryGetValue(name, out var entry) ? entry : throw new InvalidDataException($"{name} is missing");

    private static long Copy(ZipArchiveEntry entry, Stream? target, IncrementalHash? hash)
    {
        using var source = entry.Open();
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += read;
            if (total > entry.Length) throw new InvalidDataException($"{entry.FullName} holds more than its declared {entry.Length} bytes");
            target?.Write(buffer, 0, read);
            hash?.AppendData(buffer, 0, read);
        }
        return total;
    }

    /// <summary>ZIP local file header (APPNOTE 4.3.7): signature, method at offset 8, name length at 26, extra length at 28, name at 30.</summary>
    private static void CheckMimetypeHeader(Stream stream)
    {
        stream.Position = 0;
        Span<byte> header = stackalloc byte[38];
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length || !header[..4].SequenceEqual("PK\x03\x04"u8))
            throw new InvalidDataException("not a ZIP file");
        var method = BinaryPrimitives.ReadUInt16LittleEndian(header[8..10]);
        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[26..28]);
        var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header[28..30]);
        if (nameLength != 8 || !header[30..38].SequenceEqual("mimetype"u8))
            throw new InvalidDataException("the first entry is not 'mimetype' (ASiC containers start with it)");
        if (method != 0 || extraLength != 0) throw new InvalidDataException("'mimetype' must be stored uncompressed and without an extra field");
    }

    private static string Printable(string name) => new(name.Select(c => char.IsControl(c) ? '?' : c).ToArray());

    public void Dispose() => _zip.Dispose();
}
