namespace Cairn.Cases.Evidence;

/// <summary>The signed tree head every inclusion proof in the package is checked against (see Cairn.Cases.Custody.TreeHead).</summary>
public sealed record PackageTreeHead(long TreeSize, string RootHash, string Timestamp, string KeyId, string Signature);
