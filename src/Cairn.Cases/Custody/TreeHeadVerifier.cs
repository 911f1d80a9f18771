using System.Security.Cryptography;
using Cairn.Core.Security;

namespace Cairn.Cases.Custody;

/// <summary>Checks tree-head signatures with a public key alone (no database, no private key).</summary>
public sealed class TreeHeadVerifier : IDisposable
{
    private readonly ECDsa _key;

    private TreeHeadVerifier(ECDsa key, string keyId)
    {
        _key = key;
        KeyId = keyId;
    }

    public string KeyId { get; }

    public static TreeHeadVerifier FromPublicKeyPem(string pem)
    {
        // An unsupported named curve in a key a user pinned (--key) is the same failure as an unreadable key.
        var key = KeyImport.Into(ECDsa.Create(), k => k.ImportFromPem(pem));
        return new TreeHeadVerifier(key, KeyIdOf(key.ExportSubjectPublicKeyInfo()));
    }

    /// <summary>Hex SHA-256 of a DER SubjectPublicKeyInfo (the same idea as RFC 9162 §4.4 log ids).</summary>
    public static string KeyIdOf(byte[] subjectPublicKeyInfo) => Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo));

    public string ExportPublicKeyPem() => _key.ExportSubjectPublicKeyInfoPem();

    public bool Verify(SignedTreeHead signed)
    {
        ArgumentNullException.ThrowIfNull(signed);
        return signed.KeyId == KeyId && VerifyData(signed.Head.SignedBytes(), signed.Signature);
    }

    /// <summary>Checks a base64 DER ECDSA/SHA-256 signature over <paramref name="data"/>.</summary>
    public bool VerifyData(byte[] data, string signatureBase64)
    {
        ArgumentNullException.ThrowIfNull(signatureBase64);
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(signatureBase64.Trim());
        }
        catch (FormatException)
        {
            return false;
        }
        return _key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    public void Dispose() => _key.Dispose();
}
