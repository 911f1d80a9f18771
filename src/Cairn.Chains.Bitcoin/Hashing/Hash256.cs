using System.Buffers.Binary;
using Cairn.Core;

namespace Cairn.Chains.Bitcoin;

/// <summary>
/// A 32-byte double-SHA-256 hash (block hash, txid, merkle root) held in internal/wire
/// order, i.e. the bytes exactly as they appear in blocks. <see cref="ToString"/> gives the
/// usual display form, which Bitcoin Core prints byte-reversed (a historical quirk of
/// treating hashes as little-endian 256-bit integers; see uint256::GetHex).
/// Stored as four 64-bit words so equality and hashing are a few instructions.
/// </summary>
public readonly struct Hash256 : IEquatable<Hash256>, IComparable<Hash256>
{
    public const int Size = 32;

    private readonly ulong _word0;
    private readonly ulong _word1;
    private readonly ulong _word2;
    private readonly ulong _word3;

    private Hash256(ulong word0, ulong word1, ulong word2, ulong word3)
    {
        _word0 = word0;
        _word1 = word1;
        _word2 = word2;
        _word3 = word3;
    }

    public static Hash256 Zero => default;

    public bool IsZero => (_word0 | _word1 | _word2 | _word3) == 0;

    /// <summary>Reads 32 bytes in wire order (as found in a block or transaction).</summary>
    public static Hash256 FromWire(ReadOnlySpan<byte> wireBytes)
    {
        if (wireBytes.Length < Size)
            throw new ArgumentException($"a hash needs {Size} bytes, got {wireBytes.Length}", nameof(wireBytes));
        return new Hash256(
            BinaryPrimitives.ReadUInt64LittleEndian(wireBytes),
            BinaryPrimitives.ReadUInt64LittleEndian(wireBytes[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(wireBytes[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(wireBytes[24..]));
    }

    /// <summary>Writes the 32 wire-order bytes to <paramref name="destination"/>.</summary>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < Size)
            throw new ArgumentException($"a hash needs {Size} bytes, got {destination.Length}", nameof(destination));
        BinaryPrimitives.WriteUInt64LittleEndian(destination, _word0);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], _word1);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], _word2);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], _word3);
    }

    public byte[] ToWireBytes()
    {
        var bytes = new byte[Size];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>Parses the display form (64 hex digits, byte-reversed as Bitcoin Core prints it).</summary>
    public static Hash256 Parse(string displayHex)
    {
        ArgumentNullException.ThrowIfNull(displayHex);
        if (!TryParse(displayHex, out var hash))
            throw new CairnException($"malformed hash '{displayHex}': expected 64 hex digits");
        return hash;
    }

    public static bool TryParse(ReadOnlySpan<char> displayHex, out Hash256 hash)
    {
        hash = default;
        displayHex = displayHex.Trim();
        if (displayHex.Length != Size * 2) return false;
        Span<byte> bytes = stackalloc byte[Size];
        if (Convert.FromHexString(displayHex, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != Size)
            return false;
        bytes.Reverse();
        hash = FromWire(bytes);
        return true;
    }

    /// <summary>The display form: 64 lowercase hex digits, byte-reversed.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Size];
        CopyTo(bytes);
        bytes.Reverse();
        return Convert.ToHexStringLower(bytes);
    }

    public bool Equals(Hash256 other) =>
        _word0 == other._word0 && _word1 == other._word1 && _word2 == other._word2 && _word3 == other._word3;

    public override bool Equals(object? obj) => obj is Hash256 other && Equals(other);

    // The words are already uniformly distributed hash output; one is enough.
    public override int GetHashCode() => (int)_word0 ^ (int)(_word0 >> 32);

    /// <summary>Orders as the 256-bit little-endian integer Bitcoin Core compares (most significant word last).</summary>
    public int CompareTo(Hash256 other)
    {
        var c = _word3.CompareTo(other._word3);
        if (c != 0) return c;
        c = _word2.CompareTo(other._word2);
        if (c != 0) return c;
        c = _word1.CompareTo(other._word1);
        return c != 0 ? c : _word0.CompareTo(other._word0);
    }

    public static bool operator ==(Hash256 left, Hash256 right) => left.Equals(right);

    public static bool operator !=(Hash256 left, Hash256 right) => !left.Equals(right);

    public static bool operator <(Hash256 left, Hash256 right) => left.CompareTo(right) < 0;

    public static bool operator >(Hash256 left, Hash256 right) => left.CompareTo(right) > 0;

    public static bool operator <=(Hash256 left, Hash256 right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Hash256 left, Hash256 right) => left.CompareTo(right) >= 0;
}
