using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Cairn.Cases.Evidence;

/// <summary>
/// A CAdES-BES detached signature (ETSI EN 319 122-1) as CMS SignedData (RFC 5652) over the ASiC
/// manifest: signed attributes content-type, message-digest, signing-time and
/// signing-certificate-v2 (ESSCertIDv2 with the certificate's SHA-256, RFC 5035), the signing
/// certificate embedded. <c>openssl cms -verify</c> checks it without Cairn.
/// </summary>
internal static class CadesSignature
{
    private const string SigningCertificateV2Oid = "1.2.840.113549.1.9.16.2.47";
    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";
    private const string DataOid = "1.2.840.113549.1.7.1";

    public static byte[] Sign(byte[] content, X509Certificate2 certificate, DateTimeOffset signingTime)
    {
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = new Oid(Sha256Oid),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new Pkcs9SigningTime(signingTime.UtcDateTime));
        signer.SignedAttributes.Add(new AsnEncodedData(SigningCertificateV2Oid, SigningCertificateV2(certificate)));
        var cms = new SignedCms(new ContentInfo(new Oid(DataOid), content), detached: true);
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }

    /// <summary>The signer's certificate if <paramref name="signature"/> is a valid CAdES-BES signature over <paramref name="content"/>; else throws <see cref="CryptographicException"/>.</summary>
    public static X509Certificate2 Verify(byte[] content, byte[] signature, out DateTimeOffset? signingTime)
    {
        var cms = new SignedCms(new ContentInfo(new Oid(DataOid), content), detached: true);
        cms.Decode(signature);
        if (cms.SignerInfos.Count != 1) throw new CryptographicException($"expected one signer, found {cms.SignerInfos.Count}");
        var signer = cms.SignerInfos[0];
        // Signature and message digest only: the certificate is self-issued, trust comes from pinning its key.
        signer.CheckSignature(verifySignatureOnly: true);
        var certificate = signer.Certificate ?? throw new CryptographicException("the signing certificate is not in the signature");
        var essAttribute = signer.SignedAttributes.Cast<CryptographicAttributeObject>().FirstOrDefault(a => a.Oid.Value == SigningCertificateV2Oid)
            ?? throw new CryptographicException("no signing-certificate-v2 attribute (CAdES-BES needs one)");
        if (!essAttribute.Values[0].RawData.AsSpan().SequenceEqual(SigningCertificateV2(certificate)))
            throw new CryptographicException("the signing-certificate-v2 attribute names another certificate");
        signingTime = signer.SignedAttributes.Cast<CryptographicAttributeObject>()
            .Where(a => a.Oid.Value == "1.2.840.113549.1.9.5").Select(a => (DateTimeOffset?)new Pkcs9SigningTime(a.Values[0].RawData).SigningTime).FirstOrDefault();
        return certificate;
    }

    /// <summary>SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; ESSCertIDv2 with SHA-256 (the default algorithm, so omitted) and the certificate hash.</summary>
    private static byte[] SigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence())
            writer.WriteOctetString(SHA256.HashData(certificate.RawData));
        return writer.Encode();
    }
}
