using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Cairn.Index.Ethereum;

/// <summary>A 20-byte Ethereum address as a value key for the address hash index (no strings on the hot path).</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public readonly record struct AddressKey(ulong High, ulong Middle, uint Low)
{
    public static AddressKey FromBytes(ReadOnlySpan<byte> address) => new(
        BinaryPrimitives.ReadUInt64BigEndian(address),
        BinaryPrimitives.ReadUInt64BigEndian(address[8..]),
        BinaryPrimitives.ReadUInt32BigEndian(address[16..]));

    /// <summary>From "0x" + 40 hex digits, any case (callers validate checksums first).</summary>
    public static AddressKey FromHex(string address) => FromBytes(Convert.FromHexString(address.AsSpan(2)));

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, High);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], Middle);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], Low);
    }

    /// <summary>Lower-case "0x" hex, the index's normal form.</summary>
    public string ToHex()
    {
        Span<byte> bytes = stackalloc byte[20];
        WriteTo(bytes);
        return "0x" + Convert.ToHexStringLower(bytes);
    }
}
