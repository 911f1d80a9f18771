using Cairn.Core;
using Cairn.Exchange.Envelopes;
using Cairn.Exchange.Receipts;

namespace Cairn.Exchange.Tests.Envelopes;

public sealed class ReceiptTests
{
    [Fact]
    public void AReceipt_VerifiesAgainstTheIssuerAndEnvelope_AndNothingElse()
    {
        using var sender = TestNodes.Create("nl-fiu");
        using var receiver = TestNodes.Create("de-bka", "bka-de", "DE");
        var envelope = EnvelopeSealer.Seal(sender, receiver.Card, EnvelopeType.Request, "x"u8, TestNodes.Now);
        var receipt = Receipt.Parse(Receipt.Issue(receiver, ReceiptKind.Acceptance, envelope, TestNodes.Now, "ana@bka-de").ToJson());

        receipt.Verify(receiver.Card, envelope.MessageId, envelope.DigestHex);
        Assert.Throws<CairnException>(() => receipt.Verify(sender.Card, envelope.MessageId, envelope.DigestHex));
        Assert.Throws<CairnException>(() => receipt.Verify(receiver.Card, envelope.MessageId, new string('0', 64)));
        Assert.Throws<CairnException>(() => (receipt with { IssuedAt = TestNodes.Now.AddDays(-1) }).Verify(receiver.Card, envelope.MessageId, envelope.DigestHex));
        Assert.Throws<CairnException>(() => (receipt with { AcceptedBy = "someone@else" }).Verify(receiver.Card, envelope.MessageId, envelope.DigestHex));
    }
}
