using System.Buffers.Binary;
using System.Numerics;

namespace Cairn.Index.Bitcoin;

/// <summary>
/// RIPEMD-160 (Dobbertin, Bosselaers, Preneel 1996), needed for HASH160 = RIPEMD160(SHA256(x)),
/// which .NET provides only on Windows. Only used for P2PK outputs, so clarity beats speed.
/// </summary>
public static class Ripemd160
{
    private static readonly int[] LeftWord =
    [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        7, 4, 13, 1, 10, 6, 15, 3, 12, 0, 9, 5, 2, 14, 11, 8,
        3, 10, 14, 4, 9, 15, 8, 1, 2, 7, 0, 6, 13, 11, 5, 12,
        1, 9, 11, 10, 0, 8, 12, 4, 13, 3, 7, 15, 14, 5, 6, 2,
        4, 0, 5, 9, 7, 12, 2, 10, 14, 1, 3, 8, 11, 6, 15, 13,
    ];

    private static readonly int[] RightWord =
    [
        5, 14, 7, 0, 9, 2, 11, 4, 13, 6, 15, 8, 1, 10, 3, 12,
        6, 11, 3, 7, 0, 13, 5, 10, 14, 15, 8, 12, 4, 9, 1, 2,
        15, 5, 1, 3, 7, 14, 6, 9, 11, 8, 12, 2, 10, 0, 4, 13,
        8, 6, 4, 1, 3, 11, 15, 0, 5, 12, 2, 13, 9, 7, 10, 14,
        12, 15, 10, 4, 1, 5, 8, 7, 6, 2, 13, 14, 0, 3, 9, 11,
    ];

    private static readonly int[] LeftShift =
    [
        11, 14, 15, 12, 5, 8, 7, 9, 11, 13, 14, 15, 6, 7, 9, 8,
        7, 6, 8, 13, 11, 9, 7, 15, 7, 12, 15, 9, 11, 7, 13, 12,
        11, 13, 6, 7, 14, 9, 13, 15, 14, 8, 13, 6, 5, 12, 7, 5,
        11, 12, 14, 15, 14, 15, 9, 8, 9, 14, 5, 6, 8, 6, 5, 12,
        9, 15, 5, 11, 6, 8, 13, 12, 5, 12, 13, 14, 11, 8, 5, 6,
    ];

    private static readonly int[] RightShift =
    [
        8, 9, 9, 11, 13, 15, 15, 5, 7, 7, 8, 11, 14, 14, 12, 6,
        9, 13, 15, 7, 12, 8, 9, 11, 7, 7, 12, 7, 6, 15, 13, 11,
        9, 7, 15, 11, 8, 6, 6, 14, 12, 13, 5, 14, 13, 13, 7, 5,
        15, 5, 8, 11, 14, 14, 6, 14, 6, 9, 12, 9, 12, 5, 15, 8,
        8, 5, 12, 9, 12, 5, 14, 6, 8, 13, 6, 5, 15, 13, 11, 11,
    ];

    private static readonly uint[] LeftConstant = [0x00000000, 0x5A827999, 0x6ED9EBA1, 0x8F1BBCDC, 0xA953FD4E];
    private static readonly uint[] RightConstant = [0x50A28BE6, 0x5C4DD124, 0x6D703EF3, 0x7A6D76E9, 0x00000000];

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var result = new byte[20];
        Hash(data, result);
        return result;
    }

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (destination.Length < 20) throw new ArgumentException("destination needs 20 bytes", nameof(destination));
        Span<uint> state = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0];
        var paddedLength = (data.Length + 9 + 63) / 64 * 64;
        var padded = new byte[paddedLength];
        data.CopyTo(padded);
        padded[data.Length] = 0x80;
        BinaryPrimitives.WriteUInt64LittleEndian(padded.AsSpan(paddedLength - 8), (ulong)data.Length * 8);
        Span<uint> block = stackalloc uint[16];
        for (var offset = 0; offset < paddedLength; offset += 64)
        {
            for (var i = 0; i < 16; i++) block[i] = BinaryPrimitives.ReadUInt32LittleEndian(padded.AsSpan(offset + 4 * i));
            Compress(state, block);
        }
        for (var i = 0; i < 5; i++) BinaryPrimitives.WriteUInt32LittleEndian(destination[(4 * i)..], state[i]);
    }

    private static uint F(int round, uint x, uint y, uint z) => round switch
    {
        0 => x ^ y ^ z,
        1 => (x & y) | (~x & z),
        2 => (x | ~y) ^ z,
        3 => (x & z) | (y & ~z),
        _ => x ^ (y | ~z),
    };

    private static void Compress(Span<uint> state, ReadOnlySpan<uint> block)
    {
        uint al = state[0], bl = state[1], cl = state[2], dl = state[3], el = state[4];
        uint ar = al, br = bl, cr = cl, dr = dl, er = el;
        for (var j = 0; j < 80; j++)
        {
            var round = j / 16;
            var t = BitOperations.RotateLeft(al + F(round, bl, cl, dl) + block[LeftWord[j]] + LeftConstant[round], LeftShift[j]) + el;
            al = el; el = dl; dl = BitOperations.RotateLeft(cl, 10); cl = bl; bl = t;
            t = BitOperations.RotateLeft(ar + F(4 - round, br, cr, dr) + block[RightWord[j]] + RightConstant[round], RightShift[j]) + er;
            ar = er; er = dr; dr = BitOperations.RotateLeft(cr, 10); cr = br; br = t;
        }
        var combined = state[1] + cl + dr;
        state[1] = state[2] + dl + er;
        state[2] = state[3] + el + ar;
        state[3] = state[4] + al + br;
        state[4] = state[0] + bl + cr;
        state[0] = combined;
    }
}
