using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cairn.Cases.Custody;

namespace Cairn.Exchange.Envelopes;

/// <summary>
/// A sealed message between two nodes (docs/exchange.md, "Envelope format"). The headers are in
/// clear so a receiver can route and reject cheaply; the payload is AES-256-GCM encrypted under
/// a fresh content key that is wrapped for the recipient (ephemeral-static ECDH P-256 + HKDF-SHA256,
/// NIST SP 800-56A C(1e,1s)). <see cref="Digest"/> is SHA-256 of <see cref="SignedBytes"/> and
/// <see cref="Signature"/> is the sender's ECDSA P-256 signature over the same bytes.
/// </summary>
public sealed record Envelope
{
    public const int FormatVersion = 1;
    public const string MediaType = "application/vnd.cairn.envelope+json";
    internal const string DomainTag = "CAIRN-ENVELOPE-1\n";

    public required string MessageId { get; init; }

    public required string Sender { get; init; }

    public required string Recipient { get; init; }

    public required EnvelopeType Type { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The sender's one-time ECDH public key (DER SubjectPublicKeyInfo).</summary>
    public required byte[] EphemeralKey { get; init; }

    /// <summary>The content key sealed under the key-encryption key: 12-byte nonce ‖ 32-byte ciphertext ‖ 16-byte tag.</summary>
    public required byte[] WrappedKey { get; init; }

    public required byte[] Nonce { get; init; }

    public required byte[] Ciphertext { get; init; }

    public required byte[] Tag { get; init; }

    public byte[] Digest { get; init; } = [];

    public byte[] Signature { get; init; } = [];

    /// <summary>Lowercase hex of <see cref="Digest"/>: the envelope's identity in receipts and logs.</summary>
    public string DigestHex => Convert.ToHexStringLower(Digest);

    /// <summary>The headers in canonical form; also the AES-GCM associated data, so the payload cannot be moved under other headers.</summary>
    public byte[] HeaderBytes() => Header().ToArray();

    /// <summary>Everything the signature covers: every header, the wrapped key and the encrypted payload.</summary>
    public byte[] SignedBytes() => Header().Add(Nonce).Add(Ciphertext).Add(Tag).ToArray();

    public byte[] ComputeDigest() => SHA256.HashData(SignedBytes());

    public string ToJson()
    {
        var node = new JsonObject
        {
            ["version"] = FormatVersion,
            ["message_id"] = MessageId,
            ["sender"] = Sender,
            ["recipient"] = Recipient,
            ["type"] = EnvelopeTypes.Name(Type),
            ["created_at"] = CustodyEntry.FormatTime(CreatedAt),
            ["expires_at"] = CustodyEntry.FormatTime(ExpiresAt),
            ["ephemeral_key"] = Convert.ToBase64String(EphemeralKey),
            ["wrapped_key"] = Convert.ToBase64String(WrappedKey),
            ["nonce"] = Convert.ToBase64String(Nonce),
            ["ciphertext"] = Convert.ToBase64String(Ciphertext),
            ["tag"] = Convert.ToBase64String(Tag),
            ["digest"] = DigestHex,
            ["signature"] = Convert.ToBase64String(Signature),
        };
        return node.ToJsonString();
    }

    /// <summary>Reads the wire form; anything unexpected is <see cref="RejectionReason.Malformed"/>.</summary>
    public static Envelope Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            var version = root.GetProperty("version").GetInt32();
            if (version != FormatVersion) throw Malformed($"envelope version {version} is not supported (expected {FormatVersion})");
            var envelope = new Envelope
            {
                MessageId = Text(root, "message_id"),
                Sender = Text(root, "sender"),
                Recipient = Text(root, "recipient"),
                Type = EnvelopeTypes.Parse(Text(root, "type")),
                CreatedAt = CustodyEntry.ParseTime(Text(root, "created_at")),
                ExpiresAt = CustodyEntry.ParseTime(Text(root, "expires_at")),
                EphemeralKey = Convert.FromBase64String(Text(root, "ephemeral_key")),
                WrappedKey = Convert.FromBase64String(Text(root, "wrapped_key")),
                Nonce = Convert.FromBase64String(Text(root, "nonce")),
                Ciphertext = Convert.FromBase64String(root.GetProperty("ciphertext").GetString() ?? throw new FormatException("'ciphertext' is null")),
                Tag = Convert.FromBase64String(Text(root, "tag")),
                Digest = Convert.FromHexString(Text(root, "digest")),
                Signature = Convert.FromBase64String(Text(root, "signature")),
            };
            if (envelope.WrappedKey.Length != 60 || envelope.Nonce.Length != 12 || envelope.Tag.Length != 16 || envelope.Digest.Length != 32)
                throw Malformed($"envelope {envelope.MessageId}: wrong field sizes");
            if (envelope.ExpiresAt <= envelope.CreatedAt)
                throw Malformed($"envelope {envelope.MessageId}: expires before it was created");
            return envelope;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or FormatException or InvalidOperationException or Core.CairnException and not EnvelopeRejectedException)
        {
            throw Malformed("not a Cairn envelope: " + ex.Message, ex);
        }
    }

    private CanonicalWriter Header() => new CanonicalWriter(DomainTag)
        .Add(FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Add(MessageId)
        .Add(Sender)
        .Add(Recipient)
        .Add(EnvelopeTypes.Name(Type))
        .Add(CustodyEntry.FormatTime(CreatedAt))
        .Add(CustodyEntry.FormatTime(ExpiresAt))
        .Add(EphemeralKey)
        .Add(WrappedKey);

    private static string Text(JsonElement root, string name) =>
        root.GetProperty(name).GetString() is { Length: > 0 } value ? value : throw new FormatException($"'{name}' is empty");

    private static EnvelopeRejectedException Malformed(string message, Exception? inner = null) =>
        inner is null ? new(RejectionReason.Malformed, message) : new(RejectionReason.Malformed, message, inner);
}
