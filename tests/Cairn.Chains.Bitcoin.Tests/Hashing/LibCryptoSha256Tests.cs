using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Cairn.Chains.Bitcoin.Tests.Differential;

namespace Cairn.Chains.Bitcoin.Tests.Hashing;

/// <summary>
/// Differential tests of the libcrypto low-level path against System.Security.Cryptography's one-shot
/// SHA-256 (the path it replaces), and of both against the merkle roots real blocks commit to.
/// </summary>
public class LibCryptoSha256Tests
{
    [Fact]
    public void IsAvailable_WhereLibcrypto3Loads()
    {
        var loads = NativeLibrary.TryLoad(OperatingSystem.IsLinux() ? "libcrypto.so.3" : OperatingSystem.IsMacOS() ? "libcrypto.3.dylib" : "libcrypto-3-x64.dll", out var library);
        if (loads) NativeLibrary.Free(library);

        Assert.Equal(loads, LibCryptoSha256.IsAvailable);
    }

    [Fact]
    public void HashDouble_EqualsSystemCryptography_ForEveryLengthUpTo4096()
    {
        Assert.True(LibCryptoSha256.IsAvailable);
        var data = RandomBytes(new Random(19), 4096);
        var actual = new byte[32];
        for (var length = 0; length <= data.Length; length++)
        {
            LibCryptoSha256.HashDouble(data.AsSpan(0, length), actual);
            Assert.True(Reference(data.AsSpan(0, length)).AsSpan().SequenceEqual(actual), $"length {length}");
        }
    }

    [Fact]
    public void HashDouble_OfThreeParts_EqualsTheHashOfTheirConcatenation()
    {
        Assert.True(LibCryptoSha256.IsAvailable);
        var random = new Random(144);
        var actual = new byte[32];
        var viaDoubleSha256 = new byte[32];
        for (var round = 0; round < 2000; round++)
        {
            var data = RandomBytes(random, random.Next(0, 4097));
            var first = random.Next(0, data.Length + 1);
            var second = random.Next(first, data.Length + 1);
            LibCryptoSha256.HashDouble(data.AsSpan(0, first), data.AsSpan(first, second - first), data.AsSpan(second), actual);
            DoubleSha256.Hash(data.AsSpan(0, first), data.AsSpan(first, second - first), data.AsSpan(second), viaDoubleSha256);

            var expected = Reference(data);
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"length {data.Length} split at {first} and {second}");
            Assert.True(expected.AsSpan().SequenceEqual(viaDoubleSha256), $"DoubleSha256, length {data.Length} split at {first} and {second}");
        }
    }

    [Fact]
    public void HashDoublePair_EqualsSystemCryptography_AndMayWriteOverItsInput()
    {
        Assert.True(LibCryptoSha256.IsAvailable);
        var random = new Random(2459);
        for (var round = 0; round < 2000; round++)
        {
            var pair = RandomBytes(random, 64);
            var expected = Reference(pair);
            var actual = new byte[32];

            LibCryptoSha256.HashDoublePair(pair, actual);
            LibCryptoSha256.HashDoublePair(pair, pair);

            Assert.Equal(expected, actual);
            Assert.Equal(expected, pair[..32]);
        }
    }

    [Fact]
    public void HashDoublePair_RefusesAnythingButSixtyFourBytes()
    {
        Assert.Throws<ArgumentException>(() => LibCryptoSha256.HashDoublePair(new byte[63], new byte[32]));
        Assert.Throws<ArgumentException>(() => LibCryptoSha256.HashDoublePair(new byte[65], new byte[32]));
        Assert.Throws<ArgumentException>(() => LibCryptoSha256.HashDouble(new byte[10], new byte[31]));
    }

    [Fact]
    public void HashDouble_OfInputsLongerThanOneShortCall_EqualsSystemCryptography()
    {
        // Above 64 KiB an update takes the ordinary GC transition; the digest must not change.
        var data = RandomBytes(new Random(7), 3 * 1024 * 1024 + 17);
        var actual = new byte[32];

        LibCryptoSha256.HashDouble(data, actual);

        Assert.Equal(Reference(data), actual);
    }

    [Fact]
    public void EveryRealBlock_TxIdsAndMerkleRoot_EqualTheOneShotPathsAndTheHeader()
    {
        foreach (var source in RealBlocks.All())
        {
            var block = Block.Parse(source.Bytes, source.Network);
            var txIds = block.Transactions.Select(t => t.TxId).ToArray();
            for (var t = 0; t < txIds.Length; t++)
                Assert.True(Hash256.FromWire(Reference(block.Transactions[t].Serialize(withWitness: false))) == txIds[t], $"{source.Name} tx {t}");

            Assert.Equal(block.Header.MerkleRoot, MerkleTree.ComputeRoot(txIds));
            Assert.Equal(block.Header.MerkleRoot, ReferenceMerkleRoot(txIds));
        }
    }

    /// <summary>consensus/merkle.cpp with System.Security.Cryptography's one-shot SHA-256.</summary>
    private static Hash256 ReferenceMerkleRoot(Hash256[] leaves)
    {
        var level = leaves.ToList();
        var pair = new byte[64];
        while (level.Count > 1)
        {
            var next = new List<Hash256>();
            for (var i = 0; i < level.Count; i += 2)
            {
                level[i].CopyTo(pair);
                level[Math.Min(i + 1, level.Count - 1)].CopyTo(pair.AsSpan(32));
                next.Add(Hash256.FromWire(Reference(pair)));
            }
            level = next;
        }
        return level[0];
    }

    private static byte[] Reference(ReadOnlySpan<byte> data) => SHA256.HashData(SHA256.HashData(data));

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
