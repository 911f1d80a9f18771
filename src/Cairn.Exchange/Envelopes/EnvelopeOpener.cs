using System.Security.Cryptography;
using Cairn.Exchange.Nodes;

namespace Cairn.Exchange.Envelopes;

/// <summary>
/// Checks a received envelope in a fixed order and either opens it or throws
/// <see cref="EnvelopeRejectedException"/> with the first failed check: well-formed → digest
/// (tampered) → sender registered → signature → addressed to us → within its validity window →
/// payload decrypts. Replays are a storage question (has this message id been seen?) and are
/// answered there. Nothing from an envelope is trusted before the signature check passes.
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
        var signed = envelope.SignedBytes();
        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(signed), envelope.Digest))
            throw Reject(RejectionReason.Tampered, envelope, "its content does not match the signed digest");
        var sender = findPartner(envelope.Sender)
            ?? throw Reject(RejectionReason.UnknownSender, envelope, $"sender '{envelope.Sender}' is not a registered partner");
        if (!sender.Verifies(signed, envelope.Signature))
            throw Reject(RejectionReason.BadSignature, envelope, $"the signature is not made with the registered signing key of '{envelope.Sender}'");
        if (envelope.Recipient != recipient.NodeId)
            throw Reject(RejectionReason.Misaddressed, envelope, $"addressed to '{envelope.Recipient}', this node is '{recipient.NodeId}'");
        if (now > envelope.ExpiresAt + ClockSkew)
            throw Reject(RejectionReason.Expired, envelope, $"expired at {envelope.ExpiresAt:O}");
        if (envelope.CreatedAt > now + ClockSkew)
            throw Reject(RejectionReason.Expired, envelope, $"dated {envelope.CreatedAt:O}, in the future");
        try
        {
            using var ephemeral = ECDiffieHellman.Create();
            ephemeral.ImportSubjectPublicKeyInfo(envelope.EphemeralKey, out _);
            var keyEncryptionKey = KeyWrap.KeyEncryptionKey(recipient.AgreeWith(ephemeral.PublicKey), envelope.EphemeralKey, envelope.MessageId, envelope.Sender, envelope.Recipient);
            var contentKey = KeyWrap.Unwrap(keyEncryptionKey, envelope.WrappedKey);
            var payload = new byte[envelope.Ciphertext.Length];
            using var aes = new AesGcm(contentKey, 16);
            aes.Decrypt(envelope.Nonce, envelope.Ciphertext, envelope.Tag, payload, envelope.HeaderBytes());
            return new OpenedEnvelope(envelope, payload);
        }
        catch (CryptographicException ex)
        {
            throw Reject(RejectionReason.Undecryptable, envelope, "the payload does not decrypt with this node's key: " + ex.Message);
        }
    }

    private static EnvelopeRejectedException Reject(RejectionReason reason, Envelope envelope, string detail) =>
        new(reason, $"envelope {envelope.MessageId} from '{envelope.Sender}' rejected ({EnvelopeRejectedException.ReasonName(reason)}): {detail}");
}
