namespace Cairn.Cases.Custody;

/// <summary>All complete nodes of a tree held in memory; built from leaf hashes (tests, package verification, small logs).</summary>
public sealed class InMemoryMerkleNodes : IMerkleNodes
{
    private readonly Dictionary<(int, long), byte[]> _nodes = [];
    private readonly MerkleFrontier _frontier = MerkleFrontier.Empty;

    public long TreeSize => _frontier.TreeSize;

    public void AppendLeaf(byte[] leafHash)
    {
        foreach (var node in _frontier.Append(leafHash)) _nodes[(node.Level, node.Index)] = node.Hash;
    }

    public byte[] RootHash() => _frontier.RootHash();

    public byte[] Get(int level, long index) =>
        _nodes.TryGetValue((level, index), out var hash) ? hash : throw new KeyNotFoundException($"no complete Merkle node at level {level}, index {index}");
}
