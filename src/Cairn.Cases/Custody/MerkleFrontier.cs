namespace Cairn.Cases.Custody;

/// <summary>
/// The right edge of a growing RFC 9162 tree: the complete subtrees that the binary
/// decomposition of the tree size splits the leaves into, largest first. Appending a leaf
/// merges equal-sized neighbours (as a binary counter carries), which yields the new complete
/// nodes to store; the root folds the subtrees from the smallest up (O(log n) per append).
/// </summary>
public sealed class MerkleFrontier
{
    private readonly List<MerkleNode> _subtrees;

    public MerkleFrontier(long treeSize, IEnumerable<MerkleNode> subtrees)
    {
        ArgumentNullException.ThrowIfNull(subtrees);
        TreeSize = treeSize;
        _subtrees = subtrees.OrderByDescending(n => n.Level).ToList();
        if (!_subtrees.Select(n => n.Level).SequenceEqual(Levels(treeSize)))
            throw new InvalidOperationException($"the stored right edge of the custody tree does not match its size {treeSize}");
    }

    public static MerkleFrontier Empty => new(0, []);

    public long TreeSize { get; private set; }

    public IReadOnlyList<MerkleNode> Subtrees => _subtrees;

    /// <summary>The (level, index) of each complete subtree on the right edge of a tree of <paramref name="treeSize"/> leaves, largest first.</summary>
    public static IEnumerable<(int Level, long Index)> Coordinates(long treeSize)
    {
        long start = 0;
        foreach (var level in Levels(treeSize))
        {
            yield return (level, start >> level);
            start += 1L << level;
        }
    }

    /// <summary>Adds a leaf; returns every node that became complete (the leaf itself first).</summary>
    public IReadOnlyList<MerkleNode> Append(byte[] leafHash)
    {
        ArgumentNullException.ThrowIfNull(leafHash);
        var created = new List<MerkleNode>();
        var current = new MerkleNode(0, TreeSize, leafHash);
        created.Add(current);
        while (_subtrees.Count > 0 && _subtrees[^1].Level == current.Level)
        {
            var left = _subtrees[^1];
            _subtrees.RemoveAt(_subtrees.Count - 1);
            current = new MerkleNode(current.Level + 1, left.Index >> 1, MerkleTree.NodeHash(left.Hash, current.Hash));
            created.Add(current);
        }
        _subtrees.Add(current);
        TreeSize++;
        return created;
    }

    public MerkleFrontier Clone() => new(TreeSize, _subtrees);

    public byte[] RootHash()
    {
        if (_subtrees.Count == 0) return MerkleTree.RootHash(new NoNodes(), 0);
        var root = _subtrees[^1].Hash;
        for (var i = _subtrees.Count - 2; i >= 0; i--) root = MerkleTree.NodeHash(_subtrees[i].Hash, root);
        return root;
    }

    private static IEnumerable<int> Levels(long treeSize)
    {
        for (var level = 62; level >= 0; level--)
            if ((treeSize & (1L << level)) != 0) yield return level;
    }

    private sealed class NoNodes : IMerkleNodes
    {
        public byte[] Get(int level, long index) => throw new InvalidOperationException("the empty tree has no nodes");
    }
}
