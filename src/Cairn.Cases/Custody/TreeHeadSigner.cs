using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

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

    /// <summary>Signs arbitrary bytes with the same key and encoding; base64 DER.</summary>
    public string SignData(byte[] data) =>
        Convert.ToBase64String(_key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

    /// <summary>
    /// A self-signed X.509 certificate for this key (RFC 5280: digitalSignature and nonRepudiation,
    /// not a CA), carried in evidence packages' CAdES signatures so standard tools can verify them.
    /// The certificate only binds the key to a name; trust comes from pinning the key (its id).
    /// </summary>
    public X509Certificate2 CreateCertificate(string organisation, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var subject = new X500DistinguishedNameBuilder();
        subject.AddOrganizationName(string.IsNullOrWhiteSpace(organisation) ? "Cairn" : organisation);
        subject.AddCommonName($"Cairn custody key {KeyId[..16]}");
        var request = new CertificateRequest(subject.Build(), _key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var serial = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{KeyId}/{notBefore.UtcTicks}"))[..16];
        serial[0] &= 0x7F; // a positive INTEGER (RFC 5280 §4.1.2.2)
        return request.Create(request.SubjectName, X509SignatureGenerator.CreateForECDsa(_key), notBefore, notAfter, serial)
            .CopyWithPrivateKey(_key);
    }

    public void Dispose() => _key.Dispose();
}
