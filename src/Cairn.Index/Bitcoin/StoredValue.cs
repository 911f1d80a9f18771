using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Cairn.Index.Bitcoin;

/// <summary>
/// An output value as <c>out_value.col</c> stores it: 5 bytes, little-endian, unsigned, instead of the wire's signed
/// 8. Forty bits hold every value below 2^40 − 1 satoshi (10,995 BTC), which is nearly every output of any chain; a
/// value at or above that, or a negative one (invalid, but the index keeps what the block says), is stored as the
/// marker <see cref="Large"/> with the real value in a <see cref="LargeOutputValue"/> row of
/// <c>out_value_large.col</c>. Three bytes saved per output, about 2 of the 41.5 bytes per input+output of the
/// 500,000-transaction bench chain (docs/chain-index.md).
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal unsafe struct StoredValue
{
    public const int Size = 5;

    /// <summary>The marker of a value kept in <c>out_value_large.col</c> (2^40 − 1).</summary>
    public const long Large = (1L << 40) - 1;

    private fixed byte _bytes[Size];

    /// <summary>The stored form: the value itself when it fits under the marker, else the marker.</summary>
    public static StoredValue From(long value)
    {
        var stored = default(StoredValue);
        var bits = value is >= 0 and < Large ? value : Large;
        stored._bytes[0] = (byte)bits;
        stored._bytes[1] = (byte)(bits >> 8);
        stored._bytes[2] = (byte)(bits >> 16);
        stored._bytes[3] = (byte)(bits >> 24);
        stored._bytes[4] = (byte)(bits >> 32);
        return stored;
    }

    /// <summary>True when <paramref name="value"/> needs a row of <c>out_value_large.col</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLarge(long value) => value is < 0 or >= Large;

    /// <summary>The value, or <see cref="Large"/> when it is kept in <c>out_value_large.col</c>.</summary>
    public readonly long Bits
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            fixed (byte* bytes = _bytes)
                return Unsafe.ReadUnaligned<uint>(bytes) | (long)bytes[4] << 32;
        }
    }
}
