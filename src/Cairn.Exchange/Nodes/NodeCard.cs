using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cairn.Core;
using Cairn.Core.Security;

namespace Cairn.Exchange.Nodes;

/// <summary>
/// What a node publishes about itself and a partner registers: id, owner, where to deliver,
/// and two public keys as base64 DER SubjectPublicKeyInfo: ECDSA P-256 for signatures and
/// ECDH P-256 for key agreement. Exchanged out of band; the fingerprints are what people compare.
/// </summary>
public sealed record NodeCard
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // Outside input: a missing or null required field is refused by the serializer (JsonException), not
        // left null for a NullReferenceException later (fuzz suite, issue 17).
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        WriteIndented = true,
    };

    public required string NodeId { get; init; }

    public required string Name { get; init; }

    public required string Agency { get; init; }

    /// <summary>ISO 3166-1 alpha-2 of the agency's State.</summary>
    public required string Country { get; init; }

    /// <summary>Base URL the node accepts envelopes on, e.g. <c>https://cairn.fiu.example</c>.</summary>
    public required string Endpoint { get; init; }

    public required string SigningKey { get; init; }

    public required string EncryptionKey { get; init; }

    [JsonIgnore]
    public string SigningFingerprint => Fingerprint.Of(Convert.FromBase64String(SigningKey));

    [JsonIgnore]
    public string EncryptionFingerprint => Fingerprint.Of(Convert.FromBase64String(EncryptionKey));

    /// <summary>RFC 7638 thumbprint of the signing key: the <c>kid</c> of the JWS inside this node's envelopes.</summary>
    [JsonIgnore]
    public string SigningKeyId
    {
        get
        {
            using var key = ImportSigningKey();
            return JwkThumbprint.Of(key.ExportParameters(false));
        }
    }

    /// <summary>RFC 7638 thumbprint of the key-agreement key: the <c>kid</c> of envelopes encrypted for this node.</summary>
    [JsonIgnore]
    public string EncryptionKeyId
    {
        get
        {
            using var key = ImportEncryptionKey();
            return JwkThumbprint.Of(key.ExportParameters(false));
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Parses a node card file; throws <see cref="CairnException"/> naming <paramref name="source"/> when it is not one.</summary>
    public static NodeCard Parse(string json, string source)
    {
        NodeCard? card;
        try
        {
            card = JsonSerializer.Deserialize<NodeCard>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new CairnException($"{source} is not a node card: {UserText.Quote(ex.Message, 200)}", ex);
        }
        if (card is null) throw new CairnException($"{source} is not a node card");
        card.Validate(source);
        return card;
    }

    /// <summary>Checks that both keys are P-256 public keys and the ids are usable; throws naming <paramref name="source"/>.</summary>
    public void Validate(string source)
    {
        if (string.IsNullOrWhiteSpace(NodeId) || NodeId.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
            throw new CairnException($"{source}: node id '{NodeId}' must be non-empty without spaces");
        try
        {
            using var signing = ImportSigningKey();
            using var encryption = ImportEncryptionKey();
            if (signing.KeySize != 256 || encryption.KeySize != 256)
                throw new CairnException($"{source}: keys must be P-256");
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            throw new CairnException($"{source}: unreadable public key ({ex.Message})", ex);
        }
    }

    public ECDsa ImportSigningKey() => Import(ECDsa.Create(), SigningKey);

    public ECDiffieHellman ImportEncryptionKey() => Import(ECDiffieHellman.Create(), EncryptionKey);

    /// <summary>
    /// Reads a partner's SubjectPublicKeyInfo. A key whose named curve carries parameters the
    /// platform's OpenSSL rejects makes .NET throw PlatformNotSupportedException (found by the
    /// fuzz suite, issue 17): for a card off the wire that is an unreadable key like any other,
    /// so it surfaces as the CryptographicException every caller already handles.
    /// </summary>
    private static T Import<T>(T key, string subjectPublicKeyInfoBase64) where T : AsymmetricAlgorithm =>
        KeyImport.Into(key, k => k.ImportSubjectPublicKeyInfo(Convert.FromBase64String(subjectPublicKeyInfoBase64), out _));

    /// <summary>Whether <paramref name="signature"/> (DER ECDSA) over <paramref name="data"/> was made by this node's signing key.</summary>
    public bool Verifies(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        using var key = ImportSigningKey();
        return key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }
}
