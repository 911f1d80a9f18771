using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Cairn.Index.Columns;

/// <summary>
/// Deterministic 64-bit hashing for the persistent hash indexes. <see cref="HashCode"/> is
/// seeded per process, so it cannot address a table that lives on disk between runs.
/// Keys are already cryptographic hashes or carry one, so a cheap mix of their words suffices.
/// </summary>
public static class KeyHash
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong value)
    {
        // MurmurHash3 fmix64 finaliser: full avalanche of the input bits.
        value ^= value >> 33;
        value *= 0xff51afd7ed558ccdUL;
        value ^= value >> 33;
        value *= 0xc4ceb9fe1a85ec53UL;
        value ^= value >> 33;
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Of(ReadOnlySpan<byte> key)
    {
        ulong hash = 0x9E3779B97F4A7C15UL ^ (ulong)key.Length;
        while (key.Length >= 8)
        {
            hash = Mix(hash ^ BinaryPrimitives.ReadUInt64LittleEndian(key));
            key = key[8..];
        }
        ulong tail = 0;
        for (var i = 0; i < key.Length; i++) tail |= (ulong)key[i] << (8 * i);
        return Mix(hash ^ tail);
    }
}
