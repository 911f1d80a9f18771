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

    private byte[] Wire(Envelope envelope) => Encoding.UTF8.GetBytes(envelope.ToJson());

    private OpenedEnvelope OpenAsBob(byte[] wire, DateTimeOffset? now = null) =>
        EnvelopeOpener.Open(wire, _bob, TestNodes.Directory(_alice.Card, _carol.Card), now ?? TestNodes.Now);

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
    public void Open_KeepsEveryHeader_AndTheDigestIsSha256OfTheSignedBytes()
    {
        var sealedEnvelope = EnvelopeSealer.Seal(_alice, _bob.Card, EnvelopeType.FiuDisclosure, "x"u8, TestNodes.Now, TimeSpan.FromHours(1));
        var opened = OpenAsBob(Wire(sealedEnvelope)).Envelope;

        Assert.Equal(("nl-fiu", "de-bka", EnvelopeType.FiuDisclosure), (opened.Sender, opened.Recipient, opened.Type));
        Assert.Equal(TestNodes.Now, opened.CreatedAt);
        Assert.Equal(TestNodes.Now.AddHours(1), opened.ExpiresAt);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(opened.SignedBytes()), opened.Digest);
    }

    [Fact]
    public void FlippingAnyByteOfTheCiphertext_IsRejectedAsTampered()
    {
        var sealedEnvelope = EnvelopeSealer.Seal(_alice, _bob.Card, EnvelopeType.Request, Encoding.UTF8.GetBytes("freeze wallet bc1q…"), TestNodes.Now);
        for (var i = 0; i < sealedEnvelope.Ciphertext.Length; i++)
        {
            var flipped = (byte[])sealedEnvelope.Ciphertext.Clone();
            flipped[i] ^= 0x01;
            var rejected = Assert.Throws<EnvelopeRejectedException>(() => OpenAsBob(Wire(sealedEnvelope with { Ciphertext = flipped })));
            Assert.Equal(RejectionReason.Tampered, rejected.Reason);
        }
    }

    [Theory]
    [InlineData("recipient", "fr-ocrgdf")]
    [InlineData("type", "response")]
    [InlineData("expires_at", "2099-01-01T00:00:00.0000000Z")]
    [InlineData("message_id", "0195b1c2-0000-7000-8000-000000000000")]
    public void ChangingAHeader_IsRejectedAsTampered(string header, string value)
    {
        var json = JsonNode.Parse(EnvelopeSealer.Seal(_alice, _bob.Card, EnvelopeType.Request, "x"u8, TestNodes.Now).ToJson())!;
        json[header] = value;

        var rejected = Assert.Throws<EnvelopeRejectedException>(() => OpenAsBob(Encoding.UTF8.GetBytes(json.ToJsonString())));

        Assert.Equal(RejectionReason.Tampered, rejected.Reason);
    }

    [Fact]
    public void AnEnvelopeSignedByAnotherKey_UnderARegisteredNodeId_HasABadSignature()
    {
        using var impostor = TestNodes.Create("nl-fiu");
        var forged = EnvelopeSealer.Seal(impostor, _bob.Card, EnvelopeType.Request, "x"u8, TestNodes.Now);

        Assert.Equal(RejectionReason.BadSignature, Assert.Throws<EnvelopeRejectedException>(() => OpenAsBob(Wire(forged))).Reason);
    }

    [Fact]
    public void UnknownSender_Misaddressed_Expired_FutureDated_AreEachNamed()
    {
        using var stranger = TestNodes.Create("xx-unknown");
        var fromStranger = EnvelopeSealer.Seal(stranger, _bob.Card, EnvelopeType.Request, "x"u8, TestNodes.Now);
        var forCarol = EnvelopeSealer.Seal(_alice, _carol.Card, EnvelopeType.Request, "x"u8, TestNodes.Now);
        var shortLived = EnvelopeSealer.Seal(_alice, _bob.Card, EnvelopeType.Request, "x"u8, TestNodes.Now, TimeSpan.FromMinutes(1));

        RejectionReason Reason(Envelope e, DateTimeOffset now) => Assert.Throws<EnvelopeRejectedException>(() => OpenAsBob(Wire(e), now)).Reason;
        Assert.Equal(RejectionReason.UnknownSender, Reason(fromStranger, TestNodes.Now));
        Assert.Equal(RejectionReason.Misaddressed, Reason(forCarol, TestNodes.Now));
        Assert.Equal(RejectionReason.Expired, Reason(shortLived, TestNodes.Now + TimeSpan.FromMinutes(1) + EnvelopeOpener.ClockSkew + TimeSpan.FromSeconds(1)));
        Assert.Equal(RejectionReason.Expired, Reason(shortLived, TestNodes.Now - EnvelopeOpener.ClockSkew - TimeSpan.FromSeconds(1)));
        Assert.Equal(TestNodes.Now, OpenAsBob(Wire(shortLived), TestNodes.Now + TimeSpan.FromMinutes(1) + EnvelopeOpener.ClockSkew).Envelope.CreatedAt);
    }

    [Fact]
    public void AnEnvelopeEncryptedForAnOldKeyOfTheRecipient_IsUndecryptable()
    {
        using var bobsOldKeys = TestNodes.Create("de-bka", "bka-de", "DE");
        var stale = EnvelopeSealer.Seal(_alice, bobsOldKeys.Card, EnvelopeType.Request, "x"u8, TestNodes.Now);

        Assert.Equal(RejectionReason.Undecryptable, Assert.Throws<EnvelopeRejectedException>(() => OpenAsBob(Wire(stale))).Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("not json")]
    [InlineData("{\"version\":2}")]
    public void Garbage_IsMalformed(string body)
    {
        Assert.Equal(RejectionReason.Malformed, Assert.Throws<EnvelopeRejectedException>(() => OpenAsBob(Encoding.UTF8.GetBytes(body))).Reason);
    }
}
