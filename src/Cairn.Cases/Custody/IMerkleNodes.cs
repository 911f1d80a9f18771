namespace Cairn.Cases.Custody;

/// <summary>
/// Read access to the hashes of complete, aligned subtrees of a Merkle tree: the node at
/// <c>level</c> L and <c>index</c> i covers leaves [i·2^L, (i+1)·2^L). Level 0 holds the leaf hashes.
/// </summary>
public interface IMerkleNodes
{
    byte[] Get(int level, long index);
}
