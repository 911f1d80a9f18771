using System.Security.Cryptography;
using System.Text;

namespace Cairn.Exchange.Envelopes;

/// <summary>
/// Wraps the 32-byte content key for one recipient: ephemeral-static ECDH on P-256, the shared
/// secret expanded with HKDF-SHA256 (RFC 5869) into a key-encryption key bound to the message id,
/// sender and recipient, then AES-256-GCM over the content key. A fresh ephemeral key per envelope
/// gives forward secrecy against a later leak of the sender's keys (not of the recipient's).
/// </summary>
internal static class KeyWrap
{
    private const string Label = "cairn/exchange/v1/key-wrap";

    public static byte[] KeyEncryptionKey(byte[] sharedSecret, byte[] ephemeralKey, string messageId, string sender, string recipient)
    {
        var info = Encoding.UTF8.GetBytes($"{Label}\0{messageId}\0{sender}\0{recipient}");
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, sharedSecret, 32, salt: ephemeralKey, info: info);
    }

    public static byte[] Wrap(byte[] keyEncryptionKey, byte[] contentKey)
    {
        var wrapped = new byte[12 + 32 + 16];
        RandomNumberGenerator.Fill(wrapped.AsSpan(0, 12));
        using var aes = new AesGcm(keyEncryptionKey, 16);
        aes.Encrypt(wrapped.AsSpan(0, 12), contentKey, wrapped.AsSpan(12, 32), wrapped.AsSpan(44, 16), Encoding.ASCII.GetBytes(Label));
        return wrapped;
    }

    /// <summary>The content key, or throws <see cref="AuthenticationTagMismatchException"/> when the wrap was not made for this key.</summary>
    public static byte[] Unwrap(byte[] keyEncryptionKey, byte[] wrapped)
    {
        var contentKey = new byte[32];
        using var aes = new AesGcm(keyEncryptionKey, 16);
        aes.Decrypt(wrapped.AsSpan(0, 12), wrapped.AsSpan(12, 32), wrapped.AsSpan(44, 16), contentKey, Encoding.ASCII.GetBytes(Label));
        return contentKey;
    }
}
