namespace Cairn.Cases.Custody;

/// <summary>An RFC 9162 consistency proof that the tree of <paramref name="FirstSize"/> leaves is a prefix of the tree of <paramref name="SecondSize"/>; hashes in lowercase hex.</summary>
public sealed record ConsistencyProof(long FirstSize, long SecondSize, IReadOnlyList<string> Path)
{
    public bool Verify(string firstRoot, string secondRoot) =>
        MerkleTree.VerifyConsistency(FirstSize, SecondSize, Convert.FromHexString(firstRoot), Convert.FromHexString(secondRoot), Path.Select(Convert.FromHexString).ToList());
}
