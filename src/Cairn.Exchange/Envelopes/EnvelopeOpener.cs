using System.Security.Cryptography;
using System.Text.Json;
using Cairn.Exchange.Nodes;
using Jose;

namespace Cairn.Exchange.Envelopes;

/// <summary>
/// Checks a received envelope in a fixed order and either opens it or throws
/// <see cref="EnvelopeRejectedException"/> with the first failed check: well-formed JWE → sender
/// registered → addressed to us → encrypted for our current key → decrypts (AES-GCM also
/// authenticates the protected header: a changed byte is "tampered") → the JWS verifies with the
/// sender's registered key → the signed claims equal the header and the message id lies in the
/// sender's namespace → within its validity window. Replays are a storage question (has this
/// message id been seen?) and are answered there. Nothing from an envelope reaches the caller
/// before the signature check passes.
/// </summary>
public static class EnvelopeOpener
{
    /// <summary>Clock difference tolerated between nodes, in both directions.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static OpenedEnvelope Open(ReadOnlySpan<byte> wire, NodeIdentity recipient, Func<string, NodeCard?> findPartner, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(findPartner);
        var envelope = Envelope.Parse(wire);
        var sender = findPartner(envelope.Sender)
            ?? throw Reject(RejectionReason.UnknownSender, envelope, $"sender '{envelope.Sender}' is not a registered partner");
        if (envelope.Recipient != recipient.NodeId)
            throw Reject(RejectionReason.Misaddressed, envelope, $"addressed to '{envelope.Recipient}', this node is '{recipient.NodeId}'");
        if (envelope.KeyId != recipient.Card.EncryptionKeyId)
            throw Reject(RejectionReason.Undecryptable, envelope, $"encrypted for key {envelope.KeyId}, this node's key is {recipient.Card.EncryptionKeyId}");
        string signed;
        try
        {
            signed = JWE.Decrypt(envelope.ToCompact(), recipient.EncryptionKey, JweAlgorithm.ECDH_ES, JweEncryption.A256GCM).Plaintext;
        }
        catch (Exception ex) when (ex is JoseException or CryptographicException or ArgumentException or FormatException)
        {
            throw Reject(RejectionReason.Tampered, envelope, "its ciphertext or protected header does not authenticate (AES-GCM): " + ex.Message);
        }
        EnvelopeClaims claims;
        try
        {
            using var key = sender.ImportSigningKey();
            claims = JsonSerializer.Deserialize<EnvelopeClaims>(JWT.Verify(signed, key, JwsAlgorithm.ES256), EnvelopeClaims.JsonOptions)
                ?? throw new JoseException("empty claims");
        }
        catch (Exception ex) when (ex is JoseException or CryptographicException or ArgumentException or FormatException)
        {
            throw Reject(RejectionReason.BadSignature, envelope, $"the JWS is not signed with the registered signing key of '{envelope.Sender}'");
        }
        catch (JsonException ex)
        {
            throw Reject(RejectionReason.Malformed, envelope, "the signed claims are not readable: " + ex.Message);
        }
        if (!claims.Match(envelope))
            throw Reject(RejectionReason.Tampered, envelope, "the signed claims differ from the envelope header");
        if (!MessageIds.BelongsTo(envelope.MessageId, envelope.Sender))
            throw Reject(RejectionReason.Malformed, envelope, $"the message id is not in the sender's namespace ('{envelope.Sender}/' and a UUID)");
        if (now > envelope.ExpiresAt + ClockSkew)
            throw Reject(RejectionReason.Expired, envelope, $"expired at {envelope.ExpiresAt:O}");
        if (envelope.CreatedAt > now + ClockSkew)
            throw Reject(RejectionReason.Expired, envelope, $"dated {envelope.CreatedAt:O}, in the future");
        byte[] payload;
        try
        {
            payload = Nodes.Base64Url.Decode(claims.Payload);
        }
        catch (FormatException ex)
        {
            throw Reject(RejectionReason.Malformed, envelope, "the signed payload is not base64url: " + ex.Message);
        }
        return new OpenedEnvelope(envelope, payload);
    }

    private static EnvelopeRejectedException Reject(RejectionReason reason, Envelope envelope, string detail) =>
        new(reason, $"envelope {envelope.MessageId} from '{envelope.Sender}' rejected ({EnvelopeRejectedException.ReasonName(reason)}): {detail}");
}
