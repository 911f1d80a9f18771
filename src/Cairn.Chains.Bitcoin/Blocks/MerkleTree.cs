namespace Cairn.Chains.Bitcoin;

/// <summary>
/// Bitcoin's merkle tree (consensus/merkle.cpp): pairs of hashes are double-SHA-256'd level
/// by level, an odd last hash is paired with itself. (That duplication makes two different
/// transaction lists share a root, CVE-2012-2459; <see cref="HasDuplicatedPair"/> detects it.)
/// </summary>
public static class MerkleTree
{
    public static Hash256 ComputeRoot(ReadOnlySpan<Hash256> leaves) => ComputeRoot(leaves, out _);

    /// <summary>Computes the root; <paramref name="mutated"/> is set when some level had two identical adjacent hashes (CVE-2012-2459).</summary>
    public static Hash256 ComputeRoot(ReadOnlySpan<Hash256> leaves, out bool mutated)
    {
        mutated = false;
        if (leaves.Length == 0) return Hash256.Zero;
        var level = leaves.ToArray();
        var count = level.Length;
        while (count > 1)
        {
            var next = 0;
            for (var i = 0; i < count; i += 2)
            {
                var left = level[i];
                var right = i + 1 < count ? level[i + 1] : left;
                if (i + 1 < count && left == right) mutated = true;
                level[next++] = DoubleSha256.ComputePair(left, right);
            }
            count = next;
        }
        return level[0];
    }

    public static bool HasDuplicatedPair(ReadOnlySpan<Hash256> leaves)
    {
        ComputeRoot(leaves, out var mutated);
        return mutated;
    }
}
