using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cairn.Exchange.Nodes;

namespace Cairn.Exchange.Envelopes;

/// <summary>
/// A sealed message between two nodes (docs/exchange.md, "Envelope format"): a JWE in compact
/// serialization (RFC 7516 §7.1) with ECDH-ES key agreement on P-256 and A256GCM content
/// encryption (RFC 7518 §4.6, §5.3), whose plaintext is a JWS (RFC 7515) signed ES256 by the sender
/// over the JWT claims (RFC 7519 nested JWT, sign then encrypt). The protected header repeats the
/// routing claims (RFC 7519 §5.3: <c>iss</c>, <c>aud</c>, <c>jti</c>, <c>iat</c>, <c>exp</c>, and
/// <c>cairn_type</c>) so a receiver can route and reject cheaply; it is authenticated by AES-GCM and,
/// after decryption, compared with the signed claims. <see cref="Digest"/> is SHA-256 of the compact
/// form: the envelope's identity in receipts and logs.
/// </summary>
public sealed record Envelope
{
    public const int FormatVersion = 2;

    /// <summary>RFC 7515 §9.2.1 media type of compact JOSE serializations.</summary>
    public const string MediaType = "application/jose";

    /// <summary>Content type of the JWE plaintext: a JWT (RFC 7519 §5.2).</summary>
    public const string ContentType = "JWT";

    public required string MessageId { get; init; }

    public required string Sender { get; init; }

    public required string Recipient { get; init; }

    public required EnvelopeType Type { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>RFC 7638 thumbprint of the recipient's key-agreement key the envelope is encrypted for.</summary>
    public required string KeyId { get; init; }

    /// <summary>The protected header exactly as sent (base64url): the AES-GCM associated data.</summary>
    public required string ProtectedHeader { get; init; }

    /// <summary>Empty for ECDH-ES direct key agreement (RFC 7518 §4.6).</summary>
    public byte[] EncryptedKey { get; init; } = [];

    public required byte[] Nonce { get; init; }

    public required byte[] Ciphertext { get; init; }

    public required byte[] Tag { get; init; }

    /// <summary>SHA-256 of the compact serialization.</summary>
    public byte[] Digest => SHA256.HashData(Encoding.ASCII.GetBytes(ToCompact()));

    /// <summary>Lowercase hex of <see cref="Digest"/>: the envelope's identity in receipts and logs.</summary>
    public string DigestHex => Convert.ToHexStringLower(Digest);

    public string ToCompact() => string.Join('.', ProtectedHeader, Base64Url.Encode(EncryptedKey), Base64Url.Encode(Nonce), Base64Url.Encode(Ciphertext), Base64Url.Encode(Tag));

    /// <summary>The wire form, <see cref="ToCompact"/> (the name predates the JOSE format and is kept for its callers).</summary>
    public string ToJson() => ToCompact();

    /// <summary>Reads the wire form and its protected header; anything unexpected is <see cref="RejectionReason.Malformed"/>.</summary>
    public static Envelope Parse(ReadOnlySpan<byte> wire)
    {
        try
        {
            var text = Encoding.ASCII.GetString(wire).Trim();
            var parts = text.Split('.');
            if (parts.Length != 5) throw new FormatException($"a compact JWE has 5 parts, this has {parts.Length}");
            using var header = JsonDocument.Parse(Base64Url.Decode(parts[0]));
            var root = header.RootElement;
            Expect(root, "alg", "ECDH-ES");
            Expect(root, "enc", "A256GCM");
            Expect(root, "cty", ContentType);
            if (!root.TryGetProperty("epk", out var epk) || epk.ValueKind != JsonValueKind.Object) throw new FormatException("'epk' is missing");
            var envelope = new Envelope
            {
                MessageId = Text(root, "jti"),
                Sender = Text(root, "iss"),
                Recipient = Text(root, "aud"),
                Type = EnvelopeTypes.Parse(Text(root, "cairn_type")),
                CreatedAt = DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("iat").GetInt64()),
                ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("exp").GetInt64()),
                KeyId = Text(root, "kid"),
                ProtectedHeader = parts[0],
                EncryptedKey = Base64Url.Decode(parts[1]),
                Nonce = Base64Url.Decode(parts[2]),
                Ciphertext = Base64Url.Decode(parts[3]),
                Tag = Base64Url.Decode(parts[4]),
            };
            if (envelope.EncryptedKey.Length != 0 || envelope.Nonce.Length != 12 || envelope.Tag.Length != 16)
                throw Malformed($"envelope {envelope.MessageId}: wrong field sizes for ECDH-ES with A256GCM");
            if (envelope.ExpiresAt <= envelope.CreatedAt)
                throw Malformed($"envelope {envelope.MessageId}: expires before it was created");
            return envelope;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or FormatException or InvalidOperationException or ArgumentException or Core.CairnException and not EnvelopeRejectedException)
        {
            throw Malformed("not a Cairn envelope (JOSE JWE): " + ex.Message, ex);
        }
    }

    private static void Expect(JsonElement root, string name, string value)
    {
        if (Text(root, name) != value) throw new FormatException($"'{name}' must be {value}");
    }

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new FormatException($"'{name}' is missing or empty");

    private static EnvelopeRejectedException Malformed(string message, Exception? inner = null) =>
        inner is null ? new(RejectionReason.Malformed, message) : new(RejectionReason.Malformed, message, inner);
}
