using System.Buffers.Binary;
using Cairn.Core;

namespace Cairn.Chains.Bitcoin;

/// <summary>
/// Forward reader over consensus-serialized bytes. Every read is bounds-checked and a short
/// read throws <see cref="CairnException"/> naming what was being read (the context, e.g.
/// "transaction 3") and the byte offset, so a corrupt block is reported, never mis-parsed.
/// </summary>
internal ref struct ByteReader
{
    // Bitcoin Core's MAX_SIZE: no compact size in a valid message exceeds 32 MiB (serialize.h).
    private const ulong MaxCompactSize = 0x02000000;

    private readonly ReadOnlySpan<byte> _data;

    public ByteReader(ReadOnlySpan<byte> data, string context)
    {
        _data = data;
        Context = context;
    }

    public int Position { get; set; }

    /// <summary>What is being read, for error messages ("block", "transaction 3").</summary>
    public string Context { get; set; }

    public readonly int Remaining => _data.Length - Position;

    public readonly ReadOnlySpan<byte> Data => _data;

    public readonly byte PeekByte(int ahead = 0)
    {
        if (Position + ahead >= _data.Length) throw Truncated(ahead + 1);
        return _data[Position + ahead];
    }

    public byte ReadByte()
    {
        if (Position >= _data.Length) throw Truncated(1);
        return _data[Position++];
    }

    public ReadOnlySpan<byte> ReadSpan(int count)
    {
        if (count > Remaining) throw Truncated(count);
        var span = _data.Slice(Position, count);
        Position += count;
        return span;
    }

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(ReadSpan(4));

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(ReadSpan(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(ReadSpan(8));

    public Hash256 ReadHash() => Hash256.FromWire(ReadSpan(Hash256.Size));

    /// <summary>
    /// Reads a CompactSize (1, 3, 5 or 9 bytes). Like Bitcoin Core, rejects non-canonical
    /// encodings (a value that fits a shorter form), so every accepted transaction
    /// re-serialises byte-identically.
    /// </summary>
    public ulong ReadCompactSize()
    {
        var start = Position;
        var first = ReadByte();
        ulong value;
        ulong minimum;
        switch (first)
        {
            case < 0xfd: return first;
            case 0xfd: value = BinaryPrimitives.ReadUInt16LittleEndian(ReadSpan(2)); minimum = 0xfd; break;
            case 0xfe: value = BinaryPrimitives.ReadUInt32LittleEndian(ReadSpan(4)); minimum = 0x10000; break;
            default: value = BinaryPrimitives.ReadUInt64LittleEndian(ReadSpan(8)); minimum = 0x100000000; break;
        }
        if (value < minimum)
            throw new CairnException($"malformed {Context} at byte {start}: non-canonical compact size {value}");
        return value;
    }

    /// <summary>
    /// Reads Bitcoin Core's VARINT (serialize.h: 7-bit groups, high bit set on all but the last,
    /// each continuation adding one so every value has one encoding), as Litecoin's MWEB header uses.
    /// </summary>
    public ulong ReadVarInt()
    {
        var start = Position;
        ulong value = 0;
        while (true)
        {
            if (value > ulong.MaxValue >> 7) throw new CairnException($"malformed {Context} at byte {start}: VARINT too large");
            var b = ReadByte();
            value = (value << 7) | (byte)(b & 0x7f);
            if ((b & 0x80) == 0) return value;
            if (value == ulong.MaxValue) throw new CairnException($"malformed {Context} at byte {start}: VARINT too large");
            value++;
        }
    }

    /// <summary>Reads a count of items that each take at least <paramref name="minimumItemSize"/> bytes; rejects counts the remaining bytes cannot hold.</summary>
    public int ReadCount(string what, int minimumItemSize)
    {
        var start = Position;
        var count = ReadCompactSize();
        if (count > MaxCompactSize || count * (ulong)minimumItemSize > (ulong)Remaining)
            throw new CairnException($"truncated {Context} at byte {start}: {count} {what} cannot fit in the {Remaining} bytes left");
        return (int)count;
    }

    /// <summary>Reads a length-prefixed byte string (script, witness item).</summary>
    public byte[] ReadVarBytes()
    {
        var length = ReadCount("bytes", 1);
        return length == 0 ? [] : ReadSpan(length).ToArray();
    }

    public readonly CairnException Truncated(int expected) =>
        new($"truncated {Context} at byte {Position}: expected {expected} bytes, {Math.Max(0, Remaining)} left");
}
