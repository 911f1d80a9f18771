namespace Cairn.Cases.Custody;

/// <summary>An RFC 9162 inclusion proof of leaf <paramref name="LeafIndex"/> in the tree of <paramref name="TreeSize"/> leaves; hashes in lowercase hex.</summary>
public sealed record InclusionProof(long LeafIndex, long TreeSize, IReadOnlyList<string> AuditPath)
{
    public bool Verify(byte[] leafHash, string rootHash) =>
        MerkleTree.VerifyInclusion(LeafIndex, TreeSize, leafHash, AuditPath.Select(Convert.FromHexString).ToList(), Convert.FromHexString(rootHash));
}
