using System.Security.Cryptography;
using Cairn.Cases.Custody;

namespace Cairn.Cases.Tests.Custody;

public class MerkleTreeTests
{
    // The RFC 6962 reference inputs and tree heads used by Certificate Transparency's test suites.
    private static readonly string[] ReferenceInputs =
        ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];

    private static readonly string[] ReferenceRoots =
    [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    [Fact]
    public void RootHash_MatchesRfc6962ReferenceHeads_ForEverySizeUpToEight()
    {
        for (var size = 0; size <= ReferenceInputs.Length; size++)
        {
            var tree = Build(ReferenceInputs.Take(size).Select(Convert.FromHexString));
            Assert.Equal(ReferenceRoots[size], Convert.ToHexStringLower(MerkleTree.RootHash(tree, size)));
            Assert.Equal(ReferenceRoots[size], Convert.ToHexStringLower(tree.RootHash()));
        }
    }

    [Fact]
    public void InclusionProof_MatchesRfc6962ReferencePaths()
    {
        var tree = Build(ReferenceInputs.Select(Convert.FromHexString));
        Assert.Equal(
            ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"],
            MerkleTree.InclusionProof(tree, 0, 8).Select(Convert.ToHexStringLower));
        Assert.Equal(
            ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"],
            MerkleTree.InclusionProof(tree, 5, 8).Select(Convert.ToHexStringLower));
    }

    [Fact]
    public void SmallTrees_MatchHandComputedHashes()
    {
        // Three leaves a, b, c: root = H(0x01 ‖ H(0x01 ‖ la ‖ lb) ‖ lc) with lx = H(0x00 ‖ x) (RFC 9162 §2.1.1).
        byte[] a = [0x61], b = [0x62], c = [0x63];
        var la = SHA256.HashData([0x00, .. a]);
        var lb = SHA256.HashData([0x00, .. b]);
        var lc = SHA256.HashData([0x00, .. c]);
        var ab = SHA256.HashData([0x01, .. la, .. lb]);
        var root = SHA256.HashData([0x01, .. ab, .. lc]);
        var tree = Build([a, b, c]);
        Assert.Equal(root, tree.RootHash());
        Assert.Equal([la, lc], MerkleTree.InclusionProof(tree, 1, 3));
        Assert.Equal([ab], MerkleTree.InclusionProof(tree, 2, 3));
        // PROOF(2, D[3]) = [MTH(D[2:3])] = [lc]; the first tree's root is a power of two, so it is implied.
        Assert.Equal([lc], MerkleTree.ConsistencyProof(tree, 2, 3));
        Assert.Equal([lb, lc], MerkleTree.ConsistencyProof(tree, 1, 3));
    }

    [Fact]
    public void EveryInclusionAndConsistencyProof_MatchesTheRfcDefinitionAndVerifies_UpToSize40()
    {
        var leaves = Enumerable.Range(0, 40).Select(i => MerkleTree.LeafHash([(byte)i, (byte)(i * 7)])).ToList();
        var tree = new InMemoryMerkleNodes();
        foreach (var leaf in leaves) tree.AppendLeaf(leaf);
        for (var n = 1; n <= leaves.Count; n++)
        {
            var root = Reference.Root(leaves, 0, n);
            Assert.Equal(root, MerkleTree.RootHash(tree, n));
            for (var m = 0; m < n; m++)
            {
                var path = MerkleTree.InclusionProof(tree, m, n);
                Assert.Equal(Reference.Path(leaves, m, 0, n), path);
                Assert.True(MerkleTree.VerifyInclusion(m, n, leaves[m], path, root));
                if (n > 1) Assert.False(MerkleTree.VerifyInclusion(m, n, leaves[(m + 1) % n], path, root));
                if (path.Count > 0)
                    Assert.False(MerkleTree.VerifyInclusion(m, n, leaves[m], path.Take(path.Count - 1).ToList(), root));
            }
            for (var first = 1; first <= n; first++)
            {
                var proof = MerkleTree.ConsistencyProof(tree, first, n);
                Assert.Equal(first == n ? [] : Reference.Subproof(leaves, first, 0, n, true), proof);
                var firstRoot = Reference.Root(leaves, 0, first);
                Assert.True(MerkleTree.VerifyConsistency(first, n, firstRoot, root, proof));
                if (first < n)
                    Assert.False(MerkleTree.VerifyConsistency(first, n, Reference.Root(leaves, 1, first + 1), root, proof));
            }
        }
    }

    [Fact]
    public void VerifyInclusion_RejectsAnyFlippedBitInThePath()
    {
        var leaves = Enumerable.Range(0, 13).Select(i => MerkleTree.LeafHash([(byte)i])).ToList();
        var tree = new InMemoryMerkleNodes();
        foreach (var leaf in leaves) tree.AppendLeaf(leaf);
        var root = tree.RootHash();
        var path = MerkleTree.InclusionProof(tree, 6, 13);
        for (var i = 0; i < path.Count; i++)
        {
            for (var bit = 0; bit < 256; bit += 17)
            {
                var altered = path.Select(p => p.ToArray()).ToList();
                altered[i][bit / 8] ^= (byte)(1 << (bit % 8));
                Assert.False(MerkleTree.VerifyInclusion(6, 13, leaves[6], altered, root));
            }
        }
    }

    private static InMemoryMerkleNodes Build(IEnumerable<byte[]> entries)
    {
        var tree = new InMemoryMerkleNodes();
        foreach (var entry in entries) tree.AppendLeaf(MerkleTree.LeafHash(entry));
        return tree;
    }

    /// <summary>RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1 transcribed literally over a list of leaf hashes.</summary>
    private static class Reference
    {
        public static byte[] Root(List<byte[]> leaves, int lo, int hi)
        {
            var n = hi - lo;
            if (n == 1) return leaves[lo];
            var k = 1;
            while (k * 2 < n) k *= 2;
            return SHA256.HashData([0x01, .. Root(leaves, lo, lo + k), .. Root(leaves, lo + k, hi)]);
        }

        public static List<byte[]> Path(List<byte[]> leaves, int m, int lo, int hi)
        {
            var n = hi - lo;
            if (n == 1) return [];
            var k = 1;
            while (k * 2 < n) k *= 2;
            return m < k
                ? [.. Path(leaves, m, lo, lo + k), Root(leaves, lo + k, hi)]
                : [.. Path(leaves, m - k, lo + k, hi), Root(leaves, lo, lo + k)];
        }

        public static List<byte[]> Subproof(List<byte[]> leaves, int m, int lo, int hi, bool b)
        {
            var n = hi - lo;
            if (m == n) return b ? [] : [Root(leaves, lo, hi)];
            var k = 1;
            while (k * 2 < n) k *= 2;
            return m <= k
                ? [.. Subproof(leaves, m, lo, lo + k, b), Root(leaves, lo + k, hi)]
                : [.. Subproof(leaves, m - k, lo + k, hi, false), Root(leaves, lo, lo + k)];
        }
    }
}
