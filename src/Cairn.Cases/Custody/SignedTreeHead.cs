namespace Cairn.Cases.Custody;

/// <summary>
/// A <see cref="TreeHead"/> with its ECDSA P-256 / SHA-256 signature (DER, base64) by the key
/// whose id is <paramref name="KeyId"/> (hex SHA-256 of its SubjectPublicKeyInfo).
/// </summary>
public sealed record SignedTreeHead(TreeHead Head, string KeyId, string Signature);
