using System.Numerics;

namespace Cairn.Chains.Ethereum.Encoding;

/// <summary>One RLP value: either a byte string or a list of items (Yellow Paper, appendix B).</summary>
public sealed class RlpItem
{
    private RlpItem(byte[]? bytes, IReadOnlyList<RlpItem>? items)
    {
        Bytes = bytes;
        Items = items;
    }

    /// <summary>The byte string; null for a list.</summary>
    public byte[]? Bytes { get; }

    /// <summary>The list's items; null for a byte string.</summary>
    public IReadOnlyList<RlpItem>? Items { get; }

    public bool IsList => Items is not null;

    public static RlpItem String(byte[] bytes) => new(bytes ?? throw new ArgumentNullException(nameof(bytes)), null);

    public static RlpItem List(params IReadOnlyList<RlpItem> items) => new(null, items ?? throw new ArgumentNullException(nameof(items)));

    /// <summary>A scalar: big-endian with no leading zero bytes, zero as the empty string (Yellow Paper eq. 180).</summary>
    public static RlpItem Scalar(BigInteger value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value.Sign);
        return String(value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true));
    }

    public override bool Equals(object? obj) =>
        obj is RlpItem other && (IsList
            ? other.IsList && Items!.SequenceEqual(other.Items!)
            : !other.IsList && Bytes!.AsSpan().SequenceEqual(other.Bytes));

    public override int GetHashCode() => IsList ? Items!.Count : Bytes!.Length;

    public override string ToString() => IsList ? "[" + string.Join(", ", Items!) + "]" : Hex.ToHex(Bytes);
}
