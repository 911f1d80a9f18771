using System.Security.Cryptography;
using System.Text.Json;
using Cairn.Exchange.Envelopes;
using Cairn.Exchange.Nodes;
using Jose;

namespace Cairn.Exchange.Tests.Envelopes;

/// <summary>
/// Builds envelopes by hand with jose-jwt, so a test can sign one thing and put another in the
/// header, or use a message id outside the sender's namespace: things the sealer never does.
/// </summary>
internal static class HandMadeEnvelope
{
    public static byte[] Build(NodeIdentity sender, NodeCard recipient, IDictionary<string, object> claims, IDictionary<string, object> header)
    {
        using var signing = ECDsa.Create();
        signing.ImportFromPem(sender.ExportSigningKeyPem());
        var jws = JWT.Encode(JsonSerializer.Serialize(claims), signing, JwsAlgorithm.ES256, new Dictionary<string, object> { ["typ"] = "JWT", ["kid"] = sender.Card.SigningKeyId });
        using var recipientKey = recipient.ImportEncryptionKey();
        var protectedHeader = new Dictionary<string, object>(header) { ["kid"] = recipient.EncryptionKeyId, ["cty"] = "JWT" };
        return System.Text.Encoding.ASCII.GetBytes(JWE.Encrypt(jws, [new JweRecipient(JweAlgorithm.ECDH_ES, recipientKey, null)], JweEncryption.A256GCM, mode: SerializationMode.Compact, extraProtectedHeaders: protectedHeader));
    }

    /// <summary>Claims as the sealer writes them, for <paramref name="sender"/> to <paramref name="recipient"/>.</summary>
    public static Dictionary<string, object> Claims(NodeIdentity sender, NodeCard recipient, string type = "request", string? messageId = null) => new()
    {
        ["iss"] = sender.NodeId,
        ["aud"] = recipient.NodeId,
        ["jti"] = messageId ?? MessageIds.New(sender.NodeId, TestNodes.Now),
        ["iat"] = TestNodes.Now.ToUnixTimeSeconds(),
        ["exp"] = TestNodes.Now.AddDays(1).ToUnixTimeSeconds(),
        ["cairn_type"] = type,
        ["cairn_payload"] = Cairn.Exchange.Nodes.Base64Url.Encode("hello"u8),
    };

    /// <summary>The header the sealer would write for <paramref name="claims"/>: every claim but the payload.</summary>
    public static Dictionary<string, object> HeaderFor(Dictionary<string, object> claims) =>
        claims.Where(c => c.Key != "cairn_payload").ToDictionary(c => c.Key, c => c.Value);
}
