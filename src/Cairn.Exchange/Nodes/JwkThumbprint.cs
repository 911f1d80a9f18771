using System.Security.Cryptography;
using System.Text;

namespace Cairn.Exchange.Nodes;

/// <summary>
/// RFC 7638 JWK thumbprint of a P-256 public key: SHA-256 over the required members in
/// lexicographic order with no whitespace (<c>{"crv":"P-256","kty":"EC","x":…,"y":…}</c>),
/// base64url. Used as the <c>kid</c> of envelopes, so any JOSE library can name the key.
/// </summary>
public static class JwkThumbprint
{
    public static string Of(ECParameters publicKey)
    {
        if (publicKey.Q.X is null || publicKey.Q.Y is null) throw new ArgumentException("not an EC public key", nameof(publicKey));
        var json = $"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{Base64Url.Encode(publicKey.Q.X)}\",\"y\":\"{Base64Url.Encode(publicKey.Q.Y)}\"}}";
        return Base64Url.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(json)));
    }
}
