using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using Cairn.Core;

namespace Cairn.Chains.Bitcoin;

/// <summary>
/// Reads Bitcoin Core's block files (<c>blocks/blk00000.dat</c>, …). Each record is the
/// network magic (4 bytes), the block length (4 bytes, little-endian) and the block. Core
/// pre-allocates files in 16 MiB chunks, so a file may end in zero padding, which is skipped.
/// Since Bitcoin Core 28 the files may be obfuscated: <c>blocks/xor.dat</c> holds an 8-byte
/// key XORed over every byte, cycling by absolute file offset (node/blockstorage.cpp,
/// AutoFile with m_xor). Blocks appear in the order they were received, not chain order.
/// </summary>
public sealed class BlockFileReader
{
    private const int RecordHeaderSize = 8;

    /// <summary>Length of the repeated key <see cref="Deobfuscate"/> XORs per step: several vectors, a multiple of the key length.</summary>
    private const int KeyPatternBytes = 256;

    private readonly string _directory;
    private readonly Network _network;
    private readonly BlockFileReaderOptions _options;
    private readonly byte[] _xorKey;

    public BlockFileReader(string blocksDirectory, Network network, BlockFileReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(blocksDirectory);
        ArgumentNullException.ThrowIfNull(network);
        if (!Directory.Exists(blocksDirectory))
            throw new CairnException($"blocks directory '{blocksDirectory}' does not exist");
        _directory = blocksDirectory;
        _network = network;
        _options = options ?? new BlockFileReaderOptions();
        _xorKey = ReadXorKey(blocksDirectory);
    }

    /// <summary>The obfuscation key from xor.dat; all zeros (no obfuscation) when the file is absent.</summary>
    public ReadOnlySpan<byte> XorKey => _xorKey;

    public static byte[] ReadXorKey(string blocksDirectory)
    {
        var path = Path.Combine(blocksDirectory, "xor.dat");
        if (!File.Exists(path)) return new byte[8];
        var key = File.ReadAllBytes(path);
        if (key.Length != 8)
            throw new CairnException($"malformed obfuscation key '{path}': expected 8 bytes, found {key.Length}");
        return key;
    }

    /// <summary>The indexes of the blk*.dat files present, ascending (blk00000.dat → 0).</summary>
    public IReadOnlyList<int> ListFileIndexes() =>
        Directory.EnumerateFiles(_directory, "blk*.dat")
            .Select(p => Path.GetFileNameWithoutExtension(p)[3..])
            .Where(n => n.Length > 0 && n.All(char.IsAsciiDigit))
            .Select(n => int.Parse(n, CultureInfo.InvariantCulture))
            .Order()
            .ToList();

    public string FilePath(int fileIndex) => Path.Combine(_directory, $"blk{fileIndex:D5}.dat");

    /// <summary>Every record of every blk file, file by file in index order.</summary>
    public IEnumerable<BlockFileRecord> ReadAll()
    {
        foreach (var index in ListFileIndexes())
        {
            foreach (var record in ReadFile(index)) yield return record;
        }
    }

    /// <summary>
    /// Every record of one file. The file is read whole (Core caps them at 128 MiB) and
    /// de-obfuscated once; the records are slices of that buffer.
    /// </summary>
    public IEnumerable<BlockFileRecord> ReadFile(int fileIndex, long startOffset = 0)
    {
        var path = FilePath(fileIndex);
        if (!File.Exists(path)) throw new CairnException($"block file '{path}' does not exist");
        var data = File.ReadAllBytes(path);
        Deobfuscate(data, 0, _xorKey);
        return Frame(data, data.Length, fileIndex, Path.GetFileName(path), startOffset);
    }

    /// <summary>
    /// As <see cref="ReadFile"/>, reading the file into <paramref name="buffer"/> when it is large enough (into a new
    /// array otherwise, which is returned), so that a caller reading file after file reuses its buffers: a fresh
    /// 128 MiB array is fresh memory, and the kernel faults in and zeroes every page of it before the read can fill it.
    /// The records are slices of the returned buffer and valid until the caller reuses it.
    /// </summary>
    public (byte[] Buffer, IReadOnlyList<BlockFileRecord> Records) ReadFileInto(int fileIndex, byte[]? buffer)
    {
        var path = FilePath(fileIndex);
        if (!File.Exists(path)) throw new CairnException($"block file '{path}' does not exist");
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var fileLength = RandomAccess.GetLength(handle);
        if (fileLength > Array.MaxLength) throw new CairnException($"block file '{path}' holds {fileLength} bytes, more than one buffer can");
        var length = (int)fileLength;
        if (buffer is null || buffer.Length < length) buffer = GC.AllocateUninitializedArray<byte>(length);
        for (var offset = 0; offset < length;)
        {
            var read = RandomAccess.Read(handle, buffer.AsSpan(offset, length - offset), offset);
            if (read == 0) throw new CairnException($"block file '{path}' ended at byte {offset} of {length} while it was read");
            offset += read;
        }
        Deobfuscate(buffer.AsSpan(0, length), 0, _xorKey);
        return (buffer, Frame(buffer, length, fileIndex, Path.GetFileName(path), 0).ToList());
    }

    /// <summary>
    /// Every block header of every blk file with its location, reading only each record's 8-byte
    /// header and the 80-byte block header and seeking past the body: choosing the best chain needs
    /// no more, and reading whole files twice cost a fifth of an ingest. Same records, order and
    /// errors as <see cref="ReadAll"/>.
    /// </summary>
    public IEnumerable<BlockFileHeader> ReadHeaders()
    {
        foreach (var fileIndex in ListFileIndexes())
        {
            foreach (var header in ReadHeaders(fileIndex)) yield return header;
        }
    }

    private IEnumerable<BlockFileHeader> ReadHeaders(int fileIndex)
    {
        var path = FilePath(fileIndex);
        var fileName = Path.GetFileName(path);
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var fileLength = RandomAccess.GetLength(handle);
        var buffer = new byte[RecordHeaderSize + BlockHeader.Size];
        long position = 0;
        while (position < fileLength)
        {
            var read = RandomAccess.Read(handle, buffer, position);
            var chunk = buffer.AsSpan(0, read);
            Deobfuscate(chunk, position, _xorKey);
            // Pre-allocated space is zeros: nothing but zeros left means no more blocks in this file.
            if (!chunk.ContainsAnyExcept((byte)0) && OnlyZerosFrom(handle, position, fileLength)) yield break;
            int length;
            try
            {
                if (read < RecordHeaderSize)
                    throw new CairnException($"truncated block record in {fileName} at byte {position}: {read} bytes left, a record header needs {RecordHeaderSize}");
                length = CheckHeader(chunk[..RecordHeaderSize], fileName, position, fileLength);
            }
            catch (CairnException) when (_options.StopAtLastGoodRecord)
            {
                yield break;
            }
            yield return new BlockFileHeader(BlockHeader.Parse(chunk.Slice(RecordHeaderSize, BlockHeader.Size)), new BlockLocation(fileIndex, position + RecordHeaderSize), length);
            position += RecordHeaderSize + length;
        }
    }

    private bool OnlyZerosFrom(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long position, long fileLength)
    {
        var buffer = new byte[1 << 16];
        for (var at = position; at < fileLength;)
        {
            var read = RandomAccess.Read(handle, buffer, at);
            if (read == 0) break;
            var chunk = buffer.AsSpan(0, read);
            Deobfuscate(chunk, at, _xorKey);
            if (chunk.ContainsAnyExcept((byte)0)) return false;
            at += read;
        }
        return true;
    }

    /// <summary>Reads one block given its location from an earlier scan (offset of the block data).</summary>
    public byte[] ReadBlock(int fileIndex, long offset)
    {
        var path = FilePath(fileIndex);
        if (!File.Exists(path)) throw new CairnException($"block file '{path}' does not exist");
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (offset < RecordHeaderSize || offset > stream.Length)
            throw new CairnException($"no block at {Path.GetFileName(path)} byte {offset}: outside the file");
        Span<byte> header = stackalloc byte[RecordHeaderSize];
        stream.Position = offset - RecordHeaderSize;
        stream.ReadExactly(header);
        Deobfuscate(header, offset - RecordHeaderSize, _xorKey);
        var length = CheckHeader(header, Path.GetFileName(path), offset - RecordHeaderSize, stream.Length);
        var block = new byte[length];
        stream.ReadExactly(block);
        Deobfuscate(block, offset, _xorKey);
        return block;
    }

    /// <summary>XORs <paramref name="data"/> in place with <paramref name="key"/>, aligned to <paramref name="fileOffset"/> (the same operation obfuscates and clears).</summary>
    public static void Deobfuscate(Span<byte> data, long fileOffset, ReadOnlySpan<byte> key)
    {
        if (key.Length == 0 || !key.ContainsAnyExcept((byte)0)) return;
        var phase = (int)(fileOffset % key.Length);
        if (key.Length > KeyPatternBytes / 2)
        {
            for (var i = 0; i < data.Length; i++) data[i] ^= key[(phase + i) % key.Length];
            return;
        }
        // The key repeated from the data's phase over a whole number of key lengths: every
        // pattern-sized step then starts at the same phase, so the XOR runs a vector at a time
        // instead of a byte and a modulo at a time (a whole block file passes through here).
        Span<byte> pattern = stackalloc byte[KeyPatternBytes / key.Length * key.Length];
        for (var i = 0; i < pattern.Length; i++) pattern[i] = key[(phase + i) % key.Length];
        while (data.Length >= pattern.Length)
        {
            XorInPlace(data[..pattern.Length], pattern);
            data = data[pattern.Length..];
        }
        XorInPlace(data, pattern[..data.Length]);
    }

    private static void XorInPlace(Span<byte> data, ReadOnlySpan<byte> pattern)
    {
        var i = 0;
        for (; i <= data.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            (new Vector<byte>(data[i..]) ^ new Vector<byte>(pattern[i..])).CopyTo(data[i..]);
        for (; i < data.Length; i++) data[i] ^= pattern[i];
    }

    /// <summary>The records of a file read whole into the first <paramref name="fileLength"/> bytes of <paramref name="data"/>.</summary>
    private IEnumerable<BlockFileRecord> Frame(byte[] data, int fileLength, int fileIndex, string fileName, long startOffset)
    {
        var position = startOffset;
        while (position < fileLength)
        {
            var remaining = fileLength - position;
            // Pre-allocated space is zeros: nothing but zeros left means no more blocks in this file.
            if (!data.AsSpan((int)position, (int)remaining).ContainsAnyExcept((byte)0)) yield break;
            int length;
            try
            {
                if (remaining < RecordHeaderSize)
                    throw new CairnException($"truncated block record in {fileName} at byte {position}: {remaining} bytes left, a record header needs {RecordHeaderSize}");
                length = CheckHeader(data.AsSpan((int)position, RecordHeaderSize), fileName, position, fileLength);
            }
            catch (CairnException) when (_options.StopAtLastGoodRecord)
            {
                yield break;
            }
            yield return new BlockFileRecord(fileIndex, position + RecordHeaderSize, data.AsMemory((int)position + RecordHeaderSize, length));
            position += RecordHeaderSize + length;
        }
    }

    private int CheckHeader(ReadOnlySpan<byte> header, string fileName, long position, long fileLength)
    {
        var magic = BinaryPrimitives.ReadUInt32LittleEndian(header);
        if (magic != _network.Magic)
            throw new CairnException($"bad magic in {fileName} at byte {position}: found {MagicHex(magic)}, expected {MagicHex(_network.Magic)} for {_network.Name}");
        var length = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        // Bitcoin Core's MAX_BLOCK_SERIALIZED_SIZE (4 MB, BIP141), or the chain's own bound: a larger length is corruption.
        if (length < BlockHeader.Size + 1 || length > _network.MaxBlockSize)
            throw new CairnException($"corrupt block record in {fileName} at byte {position}: length {length} is not a plausible block size");
        var available = fileLength - position - RecordHeaderSize;
        if (length > available)
            throw new CairnException($"truncated block in {fileName} at byte {position}: record says {length} bytes, {available} left");
        return (int)length;
    }

    // Magic bytes in file order, as people recognise them (f9beb4d9 for mainnet).
    private static string MagicHex(uint magic) => BinaryPrimitives.ReverseEndianness(magic).ToString("x8", CultureInfo.InvariantCulture);
}
