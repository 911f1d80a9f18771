using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;

namespace Cairn.Cases.Custody;

/// <summary>
/// RFC 3161 trusted timestamps over tree heads: build the TimeStampReq for a head's signed bytes
/// (SHA-256 imprint, nonce, certReq), check a TSA's TimeStampResp against that request, and later
/// check that a stored token covers a head. The HTTP exchange (POST application/timestamp-query)
/// is in Cairn.Storage TsaClient; no real TSA is reachable from the test machines.
/// </summary>
public static class TimestampTokens
{
    public const string RequestMediaType = "application/timestamp-query";
    public const string ResponseMediaType = "application/timestamp-reply";

    public static Rfc3161TimestampRequest CreateRequest(TreeHead head, ReadOnlyMemory<byte> nonce)
    {
        ArgumentNullException.ThrowIfNull(head);
        return Rfc3161TimestampRequest.CreateFromData(head.SignedBytes(), HashAlgorithmName.SHA256, requestedPolicyId: null, nonce: nonce, requestSignerCertificates: true);
    }

    /// <summary>Checks the TSA's DER response against <paramref name="request"/> (status, imprint, nonce); returns the token as base64 DER.</summary>
    public static string AcceptResponse(Rfc3161TimestampRequest request, byte[] response)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = request.ProcessResponse(response, out _);
        return Convert.ToBase64String(token.AsSignedCms().Encode());
    }

    /// <summary>The time the token asserts if it is a well-formed token whose signature and imprint cover <paramref name="data"/>; else null.</summary>
    public static DateTimeOffset? MatchesData(string tokenBase64, byte[] data)
    {
        try
        {
            if (!Rfc3161TimestampToken.TryDecode(Convert.FromBase64String(tokenBase64), out var token, out _)) return null;
            return token.VerifySignatureForData(data, out _) ? token.TokenInfo.Timestamp : null;
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return null;
        }
    }
}
