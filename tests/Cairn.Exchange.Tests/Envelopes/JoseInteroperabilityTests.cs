using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cairn.Exchange.Envelopes;
using Cairn.Exchange.Nodes;
using Cairn.TestSupport.Node;

namespace Cairn.Exchange.Tests.Envelopes;

/// <summary>
/// Envelopes against panva's `jose` (npm, an independent RFC 7515/7516/7518 implementation) through
/// tests/interop/jose-envelope.mjs: what Cairn seals, jose opens; what jose seals, Cairn opens.
/// </summary>
public sealed class JoseInteroperabilityTests : IDisposable
{
    private const string Script = "tests/interop/jose-envelope.mjs";

    private readonly NodeIdentity _alice = TestNodes.Create("nl-fiu");
    private readonly NodeIdentity _bob = TestNodes.Create("de-bka", "bka-de", "DE");

    public void Dispose()
    {
        _alice.Dispose();
        _bob.Dispose();
    }

    private static JsonNode Ask(object request) => JsonNode.Parse(NodeTool.Run(Script, JsonSerializer.Serialize(request)))!;

    [NodeFact("jose")]
    public void WhatCairnSeals_JoseOpensAndVerifies()
    {
        var payload = Encoding.UTF8.GetBytes("{\"subject\":\"freeze bc1q…\"}");
        var envelope = EnvelopeSealer.Seal(_alice, _bob.Card, EnvelopeType.Request, payload, TestNodes.Now);

        var opened = Ask(new { op = "open", encryptionKeyPem = _bob.ExportEncryptionKeyPem(), senderSigningKeySpki = _alice.Card.SigningKey, jwe = envelope.ToCompact() });

        Assert.Equal(Convert.ToBase64String(payload), (string)opened["payload"]!);
        Assert.Equal((envelope.MessageId, "nl-fiu", "de-bka", "request"), ((string)opened["claims"]!["jti"]!, (string)opened["claims"]!["iss"]!, (string)opened["claims"]!["aud"]!, (string)opened["claims"]!["cairn_type"]!));
        Assert.Equal((_bob.Card.EncryptionKeyId, "ECDH-ES", "A256GCM"), ((string)opened["header"]!["kid"]!, (string)opened["header"]!["alg"]!, (string)opened["header"]!["enc"]!));
        Assert.Equal((_alice.Card.SigningKeyId, "ES256"), ((string)opened["jwsHeader"]!["kid"]!, (string)opened["jwsHeader"]!["alg"]!));
    }

    [NodeFact("jose")]
    public void WhatJoseSeals_CairnOpens_AndJoseAgreesOnTheKeyThumbprints()
    {
        var payload = new byte[] { 0, 1, 2, 250, 251, 252 };
        var messageId = MessageIds.New("nl-fiu", TestNodes.Now);
        var sealedByJose = Ask(new
        {
            op = "seal", signingKeyPem = _alice.ExportSigningKeyPem(), signingKeySpki = _alice.Card.SigningKey, recipientKeySpki = _bob.Card.EncryptionKey,
            issuer = "nl-fiu", audience = "de-bka", messageId, type = "fiu_disclosure",
            iat = TestNodes.Now.ToUnixTimeSeconds(), exp = TestNodes.Now.AddDays(2).ToUnixTimeSeconds(), payload = Convert.ToBase64String(payload),
        });

        Assert.Equal((_alice.Card.SigningKeyId, _bob.Card.EncryptionKeyId), ((string)sealedByJose["signingKid"]!, (string)sealedByJose["recipientKid"]!));
        var opened = EnvelopeOpener.Open(Encoding.ASCII.GetBytes((string)sealedByJose["jwe"]!), _bob, TestNodes.Directory(_alice.Card), TestNodes.Now);
        Assert.Equal(payload, opened.Payload);
        Assert.Equal((messageId, EnvelopeType.FiuDisclosure, TestNodes.Now.AddDays(2)), (opened.Envelope.MessageId, opened.Envelope.Type, opened.Envelope.ExpiresAt));
    }

    [NodeFact("jose")]
    public void AJoseEnvelopeSignedByAnotherKey_IsRefusedByCairn()
    {
        using var impostor = TestNodes.Create("nl-fiu");
        var forged = Ask(new
        {
            op = "seal", signingKeyPem = impostor.ExportSigningKeyPem(), signingKeySpki = impostor.Card.SigningKey, recipientKeySpki = _bob.Card.EncryptionKey,
            issuer = "nl-fiu", audience = "de-bka", messageId = MessageIds.New("nl-fiu", TestNodes.Now), type = "request",
            iat = TestNodes.Now.ToUnixTimeSeconds(), exp = TestNodes.Now.AddDays(1).ToUnixTimeSeconds(), payload = "AA==",
        });

        var rejected = Assert.Throws<EnvelopeRejectedException>(() => EnvelopeOpener.Open(Encoding.ASCII.GetBytes((string)forged["jwe"]!), _bob, TestNodes.Directory(_alice.Card), TestNodes.Now));
        Assert.Equal(RejectionReason.BadSignature, rejected.Reason);
    }
}
