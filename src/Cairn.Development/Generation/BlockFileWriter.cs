using System.Buffers.Binary;
using System.Globalization;

namespace Cairn.Development.Generation;

/// <summary>
/// Writes blocks in Bitcoin Core's blk?????.dat framing: network magic, 4-byte little-endian
/// length, block. With an obfuscation key (Core 28+, blocks/xor.dat) every byte is XORed with
/// key[absolute file offset mod 8].
/// </summary>
public sealed class BlockFileWriter : IDisposable
{
    private readonly string _directory;
    private readonly uint _magic;
    private readonly long _maxFileBytes;
    private readonly byte[]? _xorKey;
    private FileStream? _current;
    private int _fileIndex = -1;

    public BlockFileWriter(string directory, uint magic, long maxFileBytes, byte[]? xorKey)
    {
        _directory = directory;
        _magic = magic;
        _maxFileBytes = maxFileBytes;
        _xorKey = xorKey;
        Directory.CreateDirectory(directory);
        if (xorKey is not null) File.WriteAllBytes(Path.Combine(directory, "xor.dat"), xorKey);
    }

    public long BytesWritten { get; private set; }

    public void Write(ReadOnlySpan<byte> block)
    {
        if (_current is null || _current.Length + block.Length + 8 > _maxFileBytes) NextFile();
        var record = new byte[block.Length + 8];
        BinaryPrimitives.WriteUInt32LittleEndian(record, _magic);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(4), (uint)block.Length);
        block.CopyTo(record.AsSpan(8));
        if (_xorKey is not null)
        {
            var offset = _current!.Position;
            for (var i = 0; i < record.Length; i++) record[i] ^= _xorKey[(offset + i) % _xorKey.Length];
        }
        _current!.Write(record);
        BytesWritten += record.Length;
    }

    private void NextFile()
    {
        _current?.Dispose();
        _fileIndex++;
        var name = "blk" + _fileIndex.ToString("D5", CultureInfo.InvariantCulture) + ".dat";
        _current = new FileStream(Path.Combine(_directory, name), FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 20);
    }

    public void Dispose() => _current?.Dispose();
}
