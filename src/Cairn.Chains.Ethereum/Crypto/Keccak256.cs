using System.Buffers.Binary;
using System.Numerics;

namespace Cairn.Chains.Ethereum.Crypto;

/// <summary>
/// Keccak-256 as Ethereum uses it: the original Keccak submission (pad10*1 with domain byte 0x01),
/// not FIPS 202 SHA3-256 (domain byte 0x06). Rate 1088 bits = 136 bytes, capacity 512 bits,
/// Keccak-f[1600] with 24 rounds (The Keccak reference, version 3.0, section 1.2).
/// </summary>
public static class Keccak256
{
    public const int HashSize = 32;
    private const int RateBytes = 136;

    private static readonly ulong[] RoundConstants =
    [
        0x0000000000000001UL, 0x0000000000008082UL, 0x800000000000808aUL, 0x8000000080008000UL,
        0x000000000000808bUL, 0x0000000080000001UL, 0x8000000080008081UL, 0x8000000000008009UL,
        0x000000000000008aUL, 0x0000000000000088UL, 0x0000000080008009UL, 0x000000008000000aUL,
        0x000000008000808bUL, 0x800000000000008bUL, 0x8000000000008089UL, 0x8000000000008003UL,
        0x8000000000008002UL, 0x8000000000000080UL, 0x000000000000800aUL, 0x800000008000000aUL,
        0x8000000080008081UL, 0x8000000000008080UL, 0x0000000080000001UL, 0x8000000080008008UL,
    ];

    // Rotation offsets r[x, y] indexed by lane x + 5y (Keccak reference, table 2).
    private static readonly int[] RotationOffsets =
    [
        0, 1, 62, 28, 27,
        36, 44, 6, 55, 20,
        3, 10, 43, 25, 39,
        41, 45, 15, 21, 8,
        18, 2, 61, 56, 14,
    ];

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var output = new byte[HashSize];
        Hash(data, output);
        return output;
    }

    public static byte[] Hash(string utf8Text) => Hash(System.Text.Encoding.UTF8.GetBytes(utf8Text));

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> output)
    {
        if (output.Length < HashSize) throw new ArgumentException("output must hold 32 bytes", nameof(output));
        Span<ulong> state = stackalloc ulong[25];
        state.Clear();
        while (data.Length >= RateBytes)
        {
            Absorb(state, data[..RateBytes]);
            Permute(state);
            data = data[RateBytes..];
        }
        Span<byte> last = stackalloc byte[RateBytes];
        last.Clear();
        data.CopyTo(last);
        last[data.Length] ^= 0x01;
        last[RateBytes - 1] ^= 0x80;
        Absorb(state, last);
        Permute(state);
        for (var i = 0; i < HashSize / 8; i++)
            BinaryPrimitives.WriteUInt64LittleEndian(output[(i * 8)..], state[i]);
    }

    private static void Absorb(Span<ulong> state, ReadOnlySpan<byte> block)
    {
        for (var i = 0; i < RateBytes / 8; i++)
            state[i] ^= BinaryPrimitives.ReadUInt64LittleEndian(block[(i * 8)..]);
    }

    private static void Permute(Span<ulong> a)
    {
        Span<ulong> c = stackalloc ulong[5];
        Span<ulong> b = stackalloc ulong[25];
        for (var round = 0; round < 24; round++)
        {
            // θ: XOR each lane with the parities of two neighbouring columns.
            for (var x = 0; x < 5; x++) c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
            for (var x = 0; x < 5; x++)
            {
                var d = c[(x + 4) % 5] ^ BitOperations.RotateLeft(c[(x + 1) % 5], 1);
                for (var y = 0; y < 25; y += 5) a[y + x] ^= d;
            }
            // ρ and π: rotate each lane and move it to position (y, 2x + 3y).
            for (var x = 0; x < 5; x++)
                for (var y = 0; y < 5; y++)
                    b[y + 5 * ((2 * x + 3 * y) % 5)] = BitOperations.RotateLeft(a[x + 5 * y], RotationOffsets[x + 5 * y]);
            // χ: the only non-linear step.
            for (var y = 0; y < 25; y += 5)
                for (var x = 0; x < 5; x++)
                    a[y + x] = b[y + x] ^ (~b[y + (x + 1) % 5] & b[y + (x + 2) % 5]);
            // ι: break symmetry with the round constant.
            a[0] ^= RoundConstants[round];
        }
    }
}
