using System.Text;
using System.Text.Json.Nodes;
using Cairn.Exchange.Envelopes;
using Cairn.Exchange.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace Cairn.Exchange.Tests.Envelopes;

public sealed class EnvelopeTests : IDisposable
{
    private readonly NodeIdentity _alice = TestNodes.Create("nl-fiu");
    private readonly NodeIdentity _bob = TestNodes.Create("de-bka", "bka-de", "DE");
    private readonly NodeIdentity _carol = TestNodes.Create("fr-ocrgdf", "ocrgdf-fr", "FR");

    public void Dispose()
    {
        _alice.Dispose();
        _bob.Dispose();
        _carol.Dispose();
    }

    private static byte[] Wire(Envelope envelope) => Encoding.ASCII.GetBytes(envelope.ToCompact());

    private OpenedEnvelope OpenAsBob(byte[] wire, DateTimeOffset? now = null) =>
        EnvelopeOpener.Open(wire, _bob, TestNodes.Directory(_alice.Card, _carol.Card), now ?? TestNodes.Now);

    private RejectionReason RejectedAsBob(byte[] wire, DateTimeOffset? now = null) =>
        Assert.Throws<EnvelopeRejectedException>(() => OpenAsBob(wire, now)).Reason;

    [Fact]
    public void SealThenOpen_ReturnsThePayload_ForAnyBytes()
    {
        var property = Prop.ForAll<byte[]>(payload =>
        {
            var sealedEnvelope = EnvelopeSealer.Seal(_alice, _bob.Card, EnvelopeType.Request, payload, TestNodes.Now);
            var opened = OpenAsBob(Wire(sealedEnvelope));
            return opened.Payload.AsSpan().SequenceEqual(payload) && opened.Envelope.MessageId == sealedEnvelope.MessageId;
        });
        Check.QuickThrowOnFailure(property);
    }

    [Fact]
    public void TheWireForm_IsACompactJwe_WithEcdhEsA256Gcm_AroundAnEs256Jws()
    {
        var sealedEnvelope = EnvelopeSealer.Seal(_alice, _bob.Card, EnvelopeType.FiuDisclosure, "x"u8, TestNodes.Now, TimeSpan.FromHours(1));
        var header = JsonNode.Parse(Cairn.Exchange.Nodes.Base64Url.Decode(sealedEnvelope.ToCompact().Split('.')[0]))!;

        Assert.Equal(5, sealedEnvelope.ToCompact().Split('.').Length);
        Assert.Equal(("ECDH-ES", "A256GCM", "JWT", "P-256"), ((string)header["alg"]!, (string)header["enc"]!, (string)header["cty"]!, (string)header["epk"]!["crv"]!));
        Assert.Equal((_bob.Card.EncryptionKeyId, "nl-fiu", "de-bka", "fiu_disclosure"), ((string)header["kid"]!, (string)header["iss"]!, (string)header["aud"]!, (string)header["cairn_type"]!));
        Assert.Empty(sealedEnvelope.EncryptedKey);
    }

    [Fact]
    public void Open_KeepsEveryHeader_AndTheDigestIsSha256OfTheCompactForm()
    {
        var sealedEnvelope = EnvelopeSealer.Seal(_alice, _bob.Card, EnvelopeType.FiuDisclosure, "x"u8, TestNodes.Now, TimeSpan.FromHours(1));
        var opened = OpenAsBob(Wire(sealedEnvelope)).Envelope;

        Assert.Equal(("nl-fiu", "de-bka", EnvelopeType.FiuDisclosure), (opened.Sender, opened.Recipient, opened.Type));
        Assert.Equal(TestNodes.Now, opened.CreatedAt);
        Assert.Equal(TestNodes.Now.AddHours(1), opened.ExpiresAt);
        Assert.StartsWith("nl-fiu/", opened.MessageId, StringComparison.Ordinal);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(Wire(sealedEnvelope)), opened.Digest);
    }

    [Fact]
    public void FlippingAnyByteOfTheCiphertextOrTag_IsRejectedAsTampered()
    {
        var sealedEnvelope = EnvelopeSealer.Seal(_alice, _bob.Card, EnvelopeType.Request, Encoding.UTF8.GetBytes("freeze wallet bc1q…"), TestNodes.Now);
        for (var i = 0; i < sealedEnvelope.Ciphertext.Length; i += 7)
        {
            var flipped = (byte[])sealedEnvelope.Ciphertext.Clone();
            flipped[i] ^= 0x01;
            Assert.Equal(RejectionReason.Tampered, RejectedAsBob(Wire(sealedEnvelope with { Ciphertext = flipped })));
        }
        var tag = (byte[])sealedEnvelope.Tag.Clone();
        tag[15] ^= 0x80;
        Assert.Equal(RejectionReason.Tampered, RejectedAsBob(Wire(sealedEnvelope with { Tag = tag })));
    }

    [Theory]
    [InlineData("cairn_type", "response")]
    [InlineData("exp", 4070908800L)]
    [InlineData("jti", "nl-fiu/0195b1c2-0000-7000-8000-000000000000")]
    public void ChangingAProtectedHeader_IsRejectedAsTampered(string header, object value)
    {
        var parts = EnvelopeSealer.Seal(_alice, _bob.Card, EnvelopeType.Request, "x"u8, TestNodes.Now).ToCompact().Split('.');
        var json = JsonNode.Parse(Cairn.Exchange.Nodes.Base64Url.Decode(parts[0]))!;
        json[header] = JsonValue.Create(value);
        parts[0] = Cairn.Exchange.Nodes.Base64Url.Encode(Encoding.UTF8.GetBytes(json.ToJsonString()));

        Assert.Equal(RejectionReason.Tampered, RejectedAsBob(Encoding.ASCII.GetBytes(string.Join('.', parts))));
    }

    [Fact]
    public void AHeaderThatDiffersFromTheSignedClaims_IsRejectedAsTampered()
    {
        var claims = HandMadeEnvelope.Claims(_alice, _bob.Card, type: "request");
        var header = HandMadeEnvelope.HeaderFor(claims);
        header["cairn_type"] = "fiu_disclosure";

        Assert.Equal(RejectionReason.Tampered, RejectedAsBob(HandMadeEnvelope.Build(_alice, _bob.Card, claims, header)));
    }

    [Fact]
    public void AMessageIdInAnotherSendersNamespace_IsRefused_SoIdsAreUniquePerSender()
    {
        var claims = HandMadeEnvelope.Claims(_alice, _bob.Card, messageId: MessageIds.New("fr-ocrgdf", TestNodes.Now));

        var rejected = Assert.Throws<EnvelopeRejectedException>(() => OpenAsBob(HandMadeEnvelope.Build(_alice, _bob.Card, claims, HandMadeEnvelope.HeaderFor(claims))));

        Assert.Equal(RejectionReason.Malformed, rejected.Reason);
        Assert.Contains("namespace", rejected.Message, StringComparison.Ordinal);
        Assert.True(MessageIds.BelongsTo(MessageIds.New("a/b", TestNodes.Now), "a/b"));
        Assert.False(MessageIds.BelongsTo(MessageIds.New("a/b", TestNodes.Now), "a"));
    }

    [Fact]
    public void AnEnvelopeSignedByAnotherKey_UnderARegisteredNodeId_HasABadSignature()
    {
        using var impostor = TestNodes.Create("nl-fiu");
        var forged = EnvelopeSealer.Seal(impostor, _bob.Card, EnvelopeType.Request, "x"u8, TestNodes.Now);

        Assert.Equal(RejectionReason.BadSignature, RejectedAsBob(Wire(forged)));
    }

    [Fact]
    public void UnknownSender_Misaddressed_Expired_FutureDated_AreEachNamed()
    {
        using var stranger = TestNodes.Create("xx-unknown");
        var fromStranger = EnvelopeSealer.Seal(stranger, _bob.Card, EnvelopeType.Request, "x"u8, TestNodes.Now);
        var forCarol = EnvelopeSealer.Seal(_alice, _carol.Card, EnvelopeType.Request, "x"u8, TestNodes.Now);
        var shortLived = EnvelopeSealer.Seal(_alice, _bob.Card, EnvelopeType.Request, "x"u8, TestNodes.Now, TimeSpan.FromMinutes(1));

        Assert.Equal(RejectionReason.UnknownSender, RejectedAsBob(Wire(fromStranger)));
        Assert.Equal(RejectionReason.Misaddressed, RejectedAsBob(Wire(forCarol)));
        Assert.Equal(RejectionReason.Expired, RejectedAsBob(Wire(shortLived), TestNodes.Now + TimeSpan.FromMinutes(1) + EnvelopeOpener.ClockSkew + TimeSpan.FromSeconds(1)));
        Assert.Equal(RejectionReason.Expired, RejectedAsBob(Wire(shortLived), TestNodes.Now - EnvelopeOpener.ClockSkew - TimeSpan.FromSeconds(1)));
        Assert.Equal(TestNodes.Now, OpenAsBob(Wire(shortLived), TestNodes.Now + TimeSpan.FromMinutes(1) + EnvelopeOpener.ClockSkew).Envelope.CreatedAt);
    }

    [Fact]
    public void AnEnvelopeEncryptedForAnOldKeyOfTheRecipient_IsUndecryptable()
    {
        using var bobsOldKeys = TestNodes.Create("de-bka", "bka-de", "DE");
        var stale = EnvelopeSealer.Seal(_alice, bobsOldKeys.Card, EnvelopeType.Request, "x"u8, TestNodes.Now);

        Assert.Equal(RejectionReason.Undecryptable, RejectedAsBob(Wire(stale)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("not json")]
    [InlineData("a.b.c.d.e")]
    [InlineData("eyJhbGciOiJub25lIn0.e30.")]
    public void Garbage_IsMalformed(string body)
    {
        Assert.Equal(RejectionReason.Malformed, RejectedAsBob(Encoding.UTF8.GetBytes(body)));
    }
}
