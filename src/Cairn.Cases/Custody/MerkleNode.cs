namespace Cairn.Cases.Custody;

/// <summary>The hash of the complete subtree at (<paramref name="Level"/>, <paramref name="Index"/>); see <see cref="IMerkleNodes"/>.</summary>
public sealed record MerkleNode(int Level, long Index, byte[] Hash);
