using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using Cairn.Cases.Custody;

namespace Cairn.Cases.Tests.Custody;

/// <summary>No TSA is reachable here: these tests check the RFC 3161 request we send and that bad replies are refused.</summary>
public class TimestampTokensTests
{
    private static readonly TreeHead Head = new(42, new string('a', 64), new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.Zero));

    [Fact]
    public void CreateRequest_EncodesSha256ImprintOfTheSignedHead_WithNonceAndCertReq()
    {
        byte[] nonce = [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08];
        var encoded = TimestampTokens.CreateRequest(Head, nonce).Encode();

        Assert.Equal(0x30, encoded[0]); // DER SEQUENCE (TimeStampReq, RFC 3161 §2.4.1)
        Assert.True(Rfc3161TimestampRequest.TryDecode(encoded, out var decoded, out var consumed));
        Assert.Equal(encoded.Length, consumed);
        Assert.Equal(1, decoded!.Version);
        Assert.Equal("2.16.840.1.101.3.4.2.1", decoded.HashAlgorithmId.Value);
        Assert.Equal(SHA256.HashData(Head.SignedBytes()), decoded.GetMessageHash().ToArray());
        Assert.Equal(nonce, decoded.GetNonce()!.Value.ToArray());
        Assert.True(decoded.RequestSignerCertificate);
    }

    [Fact]
    public void AcceptResponse_RefusesAReplyThatIsNotATimestampResponse()
    {
        var request = TimestampTokens.CreateRequest(Head, new byte[] { 9, 9 });
        Assert.ThrowsAny<CryptographicException>(() => TimestampTokens.AcceptResponse(request, [0x30, 0x03, 0x02, 0x01, 0x02]));
    }

    [Fact]
    public void MatchesData_RejectsGarbageTokens()
    {
        Assert.Null(TimestampTokens.MatchesData("bm90IGEgdG9rZW4=", Head.SignedBytes()));
        Assert.Null(TimestampTokens.MatchesData("%%%", Head.SignedBytes()));
    }
}
