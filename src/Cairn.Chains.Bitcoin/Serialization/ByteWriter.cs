using System.Buffers.Binary;

namespace Cairn.Chains.Bitcoin;

/// <summary>Forward writer into a span pre-sized by the caller (sizes come from <see cref="CompactSize.SizeOf"/>).</summary>
internal ref struct ByteWriter
{
    private readonly Span<byte> _buffer;

    public ByteWriter(Span<byte> buffer) => _buffer = buffer;

    public int Position { get; private set; }

    public void WriteByte(byte value) => _buffer[Position++] = value;

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer[Position..]);
        Position += bytes.Length;
    }

    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer[Position..], value);
        Position += 4;
    }

    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer[Position..], value);
        Position += 4;
    }

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer[Position..], value);
        Position += 8;
    }

    public void WriteHash(Hash256 hash)
    {
        hash.CopyTo(_buffer[Position..]);
        Position += Hash256.Size;
    }

    public void WriteCompactSize(ulong value)
    {
        if (value < 0xfd)
        {
            WriteByte((byte)value);
        }
        else if (value <= ushort.MaxValue)
        {
            WriteByte(0xfd);
            BinaryPrimitives.WriteUInt16LittleEndian(_buffer[Position..], (ushort)value);
            Position += 2;
        }
        else if (value <= uint.MaxValue)
        {
            WriteByte(0xfe);
            WriteUInt32((uint)value);
        }
        else
        {
            WriteByte(0xff);
            BinaryPrimitives.WriteUInt64LittleEndian(_buffer[Position..], value);
            Position += 8;
        }
    }

    public void WriteVarBytes(ReadOnlySpan<byte> bytes)
    {
        WriteCompactSize((ulong)bytes.Length);
        WriteBytes(bytes);
    }
}
