using System.Buffers.Binary;
using System.Text;

namespace Cairn.Exchange.Envelopes;

/// <summary>
/// The byte form that is signed and hashed: an ASCII domain tag, then each field as a 4-byte
/// big-endian length followed by its bytes (text in UTF-8). Length prefixes make the encoding
/// injective, so no two different field lists produce the same bytes (no "ab"+"c" = "a"+"bc").
/// </summary>
internal sealed class CanonicalWriter
{
    private readonly MemoryStream _buffer = new();

    public CanonicalWriter(string domainTag)
    {
        _buffer.Write(Encoding.ASCII.GetBytes(domainTag));
    }

    public CanonicalWriter Add(string text) => Add(Encoding.UTF8.GetBytes(text));

    public CanonicalWriter Add(ReadOnlySpan<byte> bytes)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)bytes.Length);
        _buffer.Write(length);
        _buffer.Write(bytes);
        return this;
    }

    public byte[] ToArray() => _buffer.ToArray();
}
