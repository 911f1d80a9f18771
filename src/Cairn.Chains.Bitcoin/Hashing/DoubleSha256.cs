using System.Security.Cryptography;

namespace Cairn.Chains.Bitcoin;

/// <summary>
/// SHA-256 applied twice (Bitcoin's "hash256"), used for block hashes, txids, merkle nodes
/// and base58check checksums. Span-based and allocation-free.
/// </summary>
public static class DoubleSha256
{
    /// <summary>Writes SHA256(SHA256(<paramref name="data"/>)) into the first 32 bytes of <paramref name="destination"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        Span<byte> first = stackalloc byte[Hash256.Size];
        SHA256.HashData(data, first);
        SHA256.HashData(first, destination);
    }

    public static Hash256 Compute(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[Hash256.Size];
        Hash(data, digest);
        return Hash256.FromWire(digest);
    }

    /// <summary>Hash of two concatenated hashes: one merkle tree node.</summary>
    public static Hash256 ComputePair(Hash256 left, Hash256 right)
    {
        Span<byte> pair = stackalloc byte[Hash256.Size * 2];
        left.CopyTo(pair);
        right.CopyTo(pair[Hash256.Size..]);
        return Compute(pair);
    }
}
