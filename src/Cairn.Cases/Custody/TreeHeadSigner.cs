using System.Security.Cryptography;

namespace Cairn.Cases.Custody;

/// <summary>
/// The installation's signing key for tree heads: ECDSA on NIST P-256 with SHA-256, signatures
/// DER-encoded (RFC 3279 §2.2.3) so standard tools verify them. Created once at first start;
/// the private key never leaves the data directory, the public key travels in every evidence package.
/// </summary>
public sealed class TreeHeadSigner : IDisposable
{
    private readonly ECDsa _key;

    private TreeHeadSigner(ECDsa key)
    {
        _key = key;
        KeyId = TreeHeadVerifier.KeyIdOf(key.ExportSubjectPublicKeyInfo());
    }

    public string KeyId { get; }

    public static TreeHeadSigner Create() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    public static TreeHeadSigner FromPrivateKeyPem(string pem)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        if (key.KeySize != 256)
        {
            key.Dispose();
            throw new CryptographicException("the custody key is not a P-256 key");
        }
        return new TreeHeadSigner(key);
    }

    public string ExportPrivateKeyPem() => _key.ExportPkcs8PrivateKeyPem();

    public string ExportPublicKeyPem() => _key.ExportSubjectPublicKeyInfoPem();

    public TreeHeadVerifier Verifier() => TreeHeadVerifier.FromPublicKeyPem(ExportPublicKeyPem());

    public SignedTreeHead Sign(TreeHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        var signature = _key.SignData(head.SignedBytes(), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return new SignedTreeHead(head, KeyId, Convert.ToBase64String(signature));
    }

    /// <summary>Signs arbitrary bytes (an evidence package manifest) with the same key and encoding; base64 DER.</summary>
    public string SignData(byte[] data) =>
        Convert.ToBase64String(_key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

    public void Dispose() => _key.Dispose();
}
