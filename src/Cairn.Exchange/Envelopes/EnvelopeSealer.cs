using System.Text.Json;
using Cairn.Exchange.Nodes;
using Jose;

namespace Cairn.Exchange.Envelopes;

/// <summary>
/// Seals a payload for one partner: sign as the sender (JWS ES256 over the claims), then encrypt
/// for the recipient (JWE ECDH-ES + A256GCM with a fresh ephemeral key, so a later leak of the
/// sender's keys does not expose the envelope). Message ids are the sender's node id, '/', a
/// UUIDv7: no other sender can use one, so ids are unique per sender by construction.
/// </summary>
public static class EnvelopeSealer
{
    /// <summary>How long an envelope stays deliverable by default: the outbox retries until then.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(14);

    public static Envelope Seal(NodeIdentity sender, NodeCard recipient, EnvelopeType type, ReadOnlySpan<byte> payload, DateTimeOffset now, TimeSpan? lifetime = null, string? messageId = null)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(recipient);
        // JWT dates are whole seconds (RFC 7519 §2 NumericDate).
        var created = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        var expires = DateTimeOffset.FromUnixTimeSeconds((now + (lifetime ?? DefaultLifetime)).ToUnixTimeSeconds());
        var claims = new EnvelopeClaims
        {
            Issuer = sender.NodeId,
            Audience = recipient.NodeId,
            MessageId = messageId ?? MessageIds.New(sender.NodeId, now),
            IssuedAt = created.ToUnixTimeSeconds(),
            ExpiresAt = expires.ToUnixTimeSeconds(),
            Type = EnvelopeTypes.Name(type),
            Payload = Nodes.Base64Url.Encode(payload),
        };
        var signed = JWT.Encode(JsonSerializer.Serialize(claims, EnvelopeClaims.JsonOptions), sender.SigningKey, JwsAlgorithm.ES256,
            new Dictionary<string, object> { ["typ"] = "JWT", ["kid"] = sender.Card.SigningKeyId });
        using var recipientKey = recipient.ImportEncryptionKey();
        var header = new Dictionary<string, object>
        {
            ["kid"] = recipient.EncryptionKeyId,
            ["cty"] = Envelope.ContentType,
            ["iss"] = claims.Issuer,
            ["aud"] = claims.Audience,
            ["jti"] = claims.MessageId,
            ["iat"] = claims.IssuedAt,
            ["exp"] = claims.ExpiresAt,
            ["cairn_type"] = claims.Type,
        };
        var compact = JWE.Encrypt(signed, [new JweRecipient(JweAlgorithm.ECDH_ES, recipientKey, null)], JweEncryption.A256GCM,
            mode: SerializationMode.Compact, extraProtectedHeaders: header);
        return Envelope.Parse(System.Text.Encoding.ASCII.GetBytes(compact));
    }
}
