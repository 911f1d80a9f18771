using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Cairn.Chains.Bitcoin;

/// <summary>
/// SHA-256 applied twice (Bitcoin's "hash256"), used for block hashes, txids, merkle nodes
/// and base58check checksums. Span-based and allocation-free. Hashes through libcrypto's
/// low-level functions with the context on the stack when <see cref="LibCryptoSha256.IsAvailable"/>
/// (System.Security.Cryptography's one-shot call allocates a context per call, which dominates
/// for transaction- and node-sized inputs), through System.Security.Cryptography otherwise.
/// </summary>
public static class DoubleSha256
{
    [ThreadStatic]
    private static IncrementalHash? t_incremental;

    /// <summary>Writes SHA256(SHA256(<paramref name="data"/>)) into the first 32 bytes of <paramref name="destination"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (LibCryptoSha256.IsAvailable)
        {
            LibCryptoSha256.HashDouble(data, destination);
            return;
        }
        Span<byte> first = stackalloc byte[Hash256.Size];
        SHA256.HashData(data, first);
        SHA256.HashData(first, destination);
    }

    /// <summary>
    /// Double SHA-256 of <paramref name="first"/> ‖ <paramref name="second"/> ‖ <paramref name="third"/>
    /// without copying them together: a SegWit transaction's txid is the hash of its version, its
    /// inputs and outputs and its lock time with the marker, flag and witnesses left out (BIP144).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Hash(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> third, Span<byte> destination)
    {
        if (LibCryptoSha256.IsAvailable)
        {
            LibCryptoSha256.HashDouble(first, second, third, destination);
            return;
        }
        var incremental = t_incremental ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        incremental.AppendData(first);
        incremental.AppendData(second);
        incremental.AppendData(third);
        Span<byte> inner = stackalloc byte[Hash256.Size];
        incremental.GetHashAndReset(inner);
        SHA256.HashData(inner, destination);
    }

    public static Hash256 Compute(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[Hash256.Size];
        Hash(data, digest);
        return Hash256.FromWire(digest);
    }

    /// <summary>Hash of two concatenated hashes: one merkle tree node.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Hash256 ComputePair(Hash256 left, Hash256 right)
    {
        Span<byte> pair = stackalloc byte[Hash256.Size * 2];
        left.CopyTo(pair);
        right.CopyTo(pair[Hash256.Size..]);
        if (!LibCryptoSha256.IsAvailable) return Compute(pair);
        LibCryptoSha256.HashDoublePair(pair, pair);
        return Hash256.FromWire(pair);
    }
}
