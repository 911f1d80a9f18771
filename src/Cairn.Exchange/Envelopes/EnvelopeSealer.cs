using System.Security.Cryptography;
using Cairn.Exchange.Nodes;

namespace Cairn.Exchange.Envelopes;

/// <summary>Seals a payload for one partner: encrypt for the recipient, then sign as the sender.</summary>
public static class EnvelopeSealer
{
    /// <summary>How long an envelope stays deliverable by default: the outbox retries until then.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(14);

    public static Envelope Seal(NodeIdentity sender, NodeCard recipient, EnvelopeType type, ReadOnlySpan<byte> payload, DateTimeOffset now, TimeSpan? lifetime = null, string? messageId = null)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(recipient);
        var id = messageId ?? Guid.CreateVersion7(now).ToString("D");
        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        using var recipientKey = recipient.ImportEncryptionKey();
        var ephemeralKey = ephemeral.ExportSubjectPublicKeyInfo();
        var keyEncryptionKey = KeyWrap.KeyEncryptionKey(ephemeral.DeriveRawSecretAgreement(recipientKey.PublicKey), ephemeralKey, id, sender.NodeId, recipient.NodeId);
        var contentKey = RandomNumberGenerator.GetBytes(32);
        var unsealed = new Envelope
        {
            MessageId = id,
            Sender = sender.NodeId,
            Recipient = recipient.NodeId,
            Type = type,
            CreatedAt = now,
            ExpiresAt = now + (lifetime ?? DefaultLifetime),
            EphemeralKey = ephemeralKey,
            WrappedKey = KeyWrap.Wrap(keyEncryptionKey, contentKey),
            Nonce = RandomNumberGenerator.GetBytes(12),
            Ciphertext = new byte[payload.Length],
            Tag = new byte[16],
        };
        using (var aes = new AesGcm(contentKey, 16))
            aes.Encrypt(unsealed.Nonce, payload, unsealed.Ciphertext, unsealed.Tag, unsealed.HeaderBytes());
        var signed = unsealed.SignedBytes();
        return unsealed with { Digest = SHA256.HashData(signed), Signature = sender.Sign(signed) };
    }
}
