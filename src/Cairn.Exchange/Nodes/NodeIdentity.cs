using System.Security.Cryptography;
using Cairn.Core;

namespace Cairn.Exchange.Nodes;

/// <summary>
/// This installation as an exchange node: its public <see cref="Card"/> and the two private keys
/// behind it (ECDSA P-256 signing, ECDH P-256 key agreement). The private keys are exported as
/// PKCS#8 PEM only to be written to the data directory (see Cairn.Storage.Exchange.NodeKeyFiles);
/// they never go into the database or a log.
/// </summary>
public sealed class NodeIdentity : IDisposable
{
    private readonly ECDsa _signing;
    private readonly ECDiffieHellman _encryption;

    private NodeIdentity(NodeCard card, ECDsa signing, ECDiffieHellman encryption)
    {
        Card = card;
        _signing = signing;
        _encryption = encryption;
    }

    public NodeCard Card { get; }

    public string NodeId => Card.NodeId;

    public static NodeIdentity Create(string nodeId, string name, string agency, string country, string endpoint)
    {
        var signing = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var encryption = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var card = new NodeCard
        {
            NodeId = nodeId.Trim(),
            Name = name.Trim(),
            Agency = agency.Trim(),
            Country = country.Trim().ToUpperInvariant(),
            Endpoint = endpoint.Trim().TrimEnd('/'),
            SigningKey = Convert.ToBase64String(signing.ExportSubjectPublicKeyInfo()),
            EncryptionKey = Convert.ToBase64String(encryption.ExportSubjectPublicKeyInfo()),
        };
        card.Validate("new node");
        return new NodeIdentity(card, signing, encryption);
    }

    /// <summary>Rebuilds the identity from its card and private keys; throws when the keys do not belong to the card.</summary>
    public static NodeIdentity FromPem(NodeCard card, string signingKeyPem, string encryptionKeyPem)
    {
        ArgumentNullException.ThrowIfNull(card);
        var signing = ECDsa.Create();
        var encryption = ECDiffieHellman.Create();
        signing.ImportFromPem(signingKeyPem);
        encryption.ImportFromPem(encryptionKeyPem);
        if (Convert.ToBase64String(signing.ExportSubjectPublicKeyInfo()) != card.SigningKey
            || Convert.ToBase64String(encryption.ExportSubjectPublicKeyInfo()) != card.EncryptionKey)
        {
            signing.Dispose();
            encryption.Dispose();
            throw new CairnException($"node '{card.NodeId}': the private key files do not match the node card");
        }
        return new NodeIdentity(card, signing, encryption);
    }

    public string ExportSigningKeyPem() => _signing.ExportPkcs8PrivateKeyPem();

    public string ExportEncryptionKeyPem() => _encryption.ExportPkcs8PrivateKeyPem();

    /// <summary>DER ECDSA-P256-SHA256 signature (RFC 3279 §2.2.3) over <paramref name="data"/>.</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) =>
        _signing.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    /// <summary>The private signing key, for the JOSE library that writes the envelopes' JWS (ES256).</summary>
    internal ECDsa SigningKey => _signing;

    /// <summary>The private key-agreement key, for the JOSE library that opens envelopes (ECDH-ES).</summary>
    internal ECDiffieHellman EncryptionKey => _encryption;

    public void Dispose()
    {
        _signing.Dispose();
        _encryption.Dispose();
    }
}
