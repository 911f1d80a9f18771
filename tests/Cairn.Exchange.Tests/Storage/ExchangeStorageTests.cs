using System.Text;
using Cairn.Cases.Agencies;
using Cairn.Cases.Cases;
using Cairn.Core;
using Cairn.Exchange.Envelopes;
using Cairn.Exchange.Fiu;
using Cairn.Exchange.Messages;
using Cairn.Storage.Cases;
using Cairn.Storage.Custody;
using Cairn.Storage.Evidence;
using Cairn.Exchange.Store;
using Cairn.Storage.Exchange;
using Cairn.Workspace.Exchange;
using Cairn.TestSupport.Database;

namespace Cairn.Exchange.Tests.Storage;

public class ExchangeStorageTests
{
    private static ExchangeMessage RequestWithEvidence(string? caseReference = null) => new()
    {
        Subject = "wallet bc1qa5wk… : KYC and logs please",
        Body = "Please provide KYC records for the attached addresses.",
        CaseReference = caseReference,
        Attachments = [ExchangeMessage.Attach("addresses.txt", Encoding.UTF8.GetBytes("bc1qa5wkgaew2dkv56kfvj49j0av5nml45x9ek9hz6\n"))],
    };

    [DatabaseTheory]
    public async Task Request_IsDelivered_Accepted_AndBothReceiptsReachTheSender(SqlDialect dialect)
    {
        await using var nodes = await TwoNodes.CreateAsync(dialect);
        await new SqlCaseStore(nodes.Nl.Database).CreateAsync(TwoNodes.NlAnalyst, new NewCase("NL-1", "ransomware cash-out", "ransomware"));
        await new SqlCaseStore(nodes.De.Database).CreateAsync(TwoNodes.DeAnalyst, new NewCase("DE-9", "incoming NL request", "ransomware"));
        var sent = await new SqlOutbox(nodes.Nl.Database).SendAsync(TwoNodes.NlAnalyst, nodes.NlNode, "de-fiu", EnvelopeType.Request, RequestWithEvidence("NL-1"));

        var delivered = await nodes.DeliverAsync(nodes.Nl);
        var inbox = new SqlInbox(nodes.De.Database, nodes.DeNode);
        var accepted = await inbox.AcceptAsync(TwoNodes.DeAnalyst, sent.MessageId, "DE-9");
        await nodes.DeliverAsync(nodes.De);

        Assert.True(Assert.Single(delivered).Accepted);
        var outbox = await new SqlOutbox(nodes.Nl.Database).GetAsync(sent.MessageId);
        Assert.Equal("delivered", outbox.State);
        Assert.NotNull(outbox.DeliveredAt);
        Assert.NotNull(outbox.AcceptedAt);
        var evidence = Assert.Single(accepted.Evidence);
        Assert.Equal("received-exchange", (await new SqlEvidenceStore(nodes.De.Database).ListAsync(TwoNodes.DeAnalyst, "DE-9")).Single().Method);
        Assert.Equal(RequestWithEvidence().Attachments[0].Sha256, evidence.Sha256);
        var senderLog = await new SqlCustodyLog(nodes.Nl.Database).GetEntriesForAsync("envelope", sent.MessageId);
        Assert.Equal(["exchange.send", "exchange.delivered", "exchange.accepted"], senderLog.Select(e => e.Action));
        var receiverLog = await new SqlCustodyLog(nodes.De.Database).GetEntriesForAsync("envelope", sent.MessageId);
        Assert.Equal(["exchange.receive", "exchange.receipt.delivery", "exchange.accept"], receiverLog.Select(e => e.Action));
    }

    [DatabaseTheory]
    public async Task ADuplicate_GetsTheSameReceipt_AndIsStoredOnce(SqlDialect dialect)
    {
        await using var nodes = await TwoNodes.CreateAsync(dialect);
        var sent = await new SqlOutbox(nodes.Nl.Database).SendAsync(TwoNodes.NlAnalyst, nodes.NlNode, "de-fiu", EnvelopeType.Request, RequestWithEvidence());
        var receiver = new EnvelopeReceiver(nodes.De.Database, nodes.DeNode);
        var wire = Encoding.UTF8.GetBytes(sent.Envelope);

        var first = await receiver.ReceiveAsync(wire);
        var again = await receiver.ReceiveAsync(wire);

        Assert.False(first.Duplicate);
        Assert.True(again.Duplicate);
        Assert.Equal(first.Receipt!.Signature, again.Receipt!.Signature);
        Assert.Single(await new SqlInbox(nodes.De.Database, nodes.DeNode).ListAsync());
        // Anyone who saw the envelope can send it again: a duplicate adds nothing to the custody log.
        Assert.Equal(["exchange.receive", "exchange.receipt.delivery"],
            (await new SqlCustodyLog(nodes.De.Database).GetEntriesForAsync("envelope", sent.MessageId)).Select(e => e.Action));
    }

    [DatabaseTheory]
    public async Task TamperedAndReplayedEnvelopes_AreRejected_KeptAsRejections_NeverInTheCustodyLog_AndNeverStored(SqlDialect dialect)
    {
        await using var nodes = await TwoNodes.CreateAsync(dialect);
        var outbox = new SqlOutbox(nodes.Nl.Database);
        var sent = await outbox.SendAsync(TwoNodes.NlAnalyst, nodes.NlNode, "de-fiu", EnvelopeType.Request, RequestWithEvidence());
        var receiver = new EnvelopeReceiver(nodes.De.Database, nodes.DeNode);
        var envelope = Envelope.Parse(Encoding.UTF8.GetBytes(sent.Envelope));
        var flipped = (byte[])envelope.Ciphertext.Clone();
        flipped[0] ^= 0x80;
        await receiver.ReceiveAsync(Encoding.UTF8.GetBytes(sent.Envelope));
        // Same message id, different content, correctly signed: a replay, not a duplicate.
        var reused = EnvelopeSealer.Seal(nodes.NlNode, nodes.DeNode.Card, EnvelopeType.Request, "other"u8, nodes.Nl.Time.GetUtcNow(), messageId: envelope.MessageId);

        var tampered = await receiver.ReceiveAsync(Encoding.UTF8.GetBytes((envelope with { Ciphertext = flipped }).ToJson()));
        var replay = await receiver.ReceiveAsync(Encoding.UTF8.GetBytes(reused.ToJson()));

        Assert.Equal(RejectionReason.Tampered, tampered.Rejection);
        Assert.Equal(RejectionReason.Replay, replay.Rejection);
        Assert.Single(await new SqlInbox(nodes.De.Database, nodes.DeNode).ListAsync());
        var log = await new SqlCustodyLog(nodes.De.Database).GetEntriesForAsync("envelope", envelope.MessageId);
        Assert.Equal(["exchange.receive", "exchange.receipt.delivery"], log.Select(e => e.Action));
        Assert.Equal(2, await new SqlInbox(nodes.De.Database, nodes.DeNode).CountRejectionsAsync());
    }

    [DatabaseTheory]
    public async Task ManyGarbledEnvelopes_LeaveTheCustodyLogAlone_AndTheRejectionTableCapped(SqlDialect dialect)
    {
        await using var nodes = await TwoNodes.CreateAsync(dialect);
        var inbox = new SqlInbox(nodes.De.Database, nodes.DeNode) { RejectionCap = 25 };
        var receiver = new EnvelopeReceiver(new SqlPartnerStore(nodes.De.Database), inbox, nodes.DeNode, nodes.De.Time);
        var before = (await new SqlCustodyLog(nodes.De.Database).GetHeadAsync()).Head.TreeSize;

        for (var i = 0; i < 200; i++)
        {
            var outcome = await receiver.ReceiveAsync(Encoding.UTF8.GetBytes($"{{\"garbage\": {i}}}"));
            Assert.Equal(RejectionReason.Malformed, outcome.Rejection);
        }

        Assert.Equal(before, (await new SqlCustodyLog(nodes.De.Database).GetHeadAsync()).Head.TreeSize);
        Assert.Equal(25, await inbox.CountRejectionsAsync());
    }

    [DatabaseTheory]
    public async Task TheInbox_RefusesAMessageIdOutsideItsSendersNamespace_WhateverTheCallerChecked(SqlDialect dialect)
    {
        await using var nodes = await TwoNodes.CreateAsync(dialect);
        var inbox = new SqlInbox(nodes.De.Database, nodes.DeNode);
        // Signed by nl-fiu but carrying an id in another node's namespace: the opener refuses it, and so does the store.
        var foreign = EnvelopeSealer.Seal(nodes.NlNode, nodes.DeNode.Card, EnvelopeType.Request, new ExchangeMessage { Subject = "s", Body = "b" }.ToBytes(),
            nodes.Nl.Time.GetUtcNow(), messageId: MessageIds.New("de-fiu", nodes.Nl.Time.GetUtcNow()));
        var opened = new OpenedEnvelope(foreign, new ExchangeMessage { Subject = "s", Body = "b" }.ToBytes());

        var refused = await Assert.ThrowsAsync<EnvelopeRejectedException>(() => inbox.StoreReceivedAsync(opened));
        Assert.Equal(RejectionReason.Malformed, refused.Reason);
        Assert.Contains("namespace", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await inbox.ListAsync());
    }

    [DatabaseTheory]
    public async Task AnFiuDisclosure_CannotGoToAThirdAgencysCase_UntilTheDiscloserConsents(SqlDialect dialect)
    {
        await using var nodes = await TwoNodes.CreateAsync(dialect);
        var police = new Actor("pia", "bka-de");
        await new SqlCaseStore(nodes.De.Database).CreateAsync(TwoNodes.DeAnalyst, new NewCase("FIU-DE-3", "analysis", "laundering"));
        await new SqlCaseStore(nodes.De.Database).CreateAsync(police, new NewCase("BKA-77", "police investigation", "laundering"));
        await new Cairn.Storage.Accounts.SqlAgencyStore(nodes.De.Database).RegisterAsync(police, new Cairn.Cases.Agencies.Agency("fiu-de", "FIU Germany", "DE", Cairn.Cases.Agencies.AgencyKind.Fiu));
        await new SqlCaseStore(nodes.De.Database).ShareAsync(police, "BKA-77", "fiu-de", Cairn.Cases.Cases.GrantLevel.Read);
        var outbox = new SqlOutbox(nodes.Nl.Database);
        var disclosure = await outbox.SendAsync(TwoNodes.NlAnalyst, nodes.NlNode, "de-fiu", EnvelopeType.FiuDisclosure, new ExchangeMessage
        {
            Subject = "spontaneous disclosure",
            Disclosure = new DisclosureTerms { DisclosingAgency = "fiu-nl", Purpose = "analysis of ransomware proceeds", HandlingRestrictions = ["intelligence_only"] },
        });
        await nodes.DeliverAsync(nodes.Nl);
        await new SqlInbox(nodes.De.Database, nodes.DeNode).AcceptAsync(TwoNodes.DeAnalyst, disclosure.MessageId, "FIU-DE-3");
        var disclosures = new SqlDisclosureStore(nodes.De.Database);

        var refused = await Assert.ThrowsAsync<CairnException>(() => disclosures.AttachAsync(TwoNodes.DeAnalyst, disclosure.MessageId, "BKA-77"));
        Assert.Contains("no recorded consent of fiu-nl to onward dissemination to bka-de", refused.Message, StringComparison.Ordinal);
        var consent = await outbox.SendAsync(TwoNodes.NlAnalyst, nodes.NlNode, "de-fiu", EnvelopeType.Response, new ExchangeMessage { Subject = "consent: may go to bka-de", InReplyTo = disclosure.MessageId });
        await nodes.DeliverAsync(nodes.Nl);
        await disclosures.RecordConsentAsync(TwoNodes.DeAnalyst, disclosure.MessageId, "bka-de", consent.MessageId);
        await disclosures.AttachAsync(TwoNodes.DeAnalyst, disclosure.MessageId, "BKA-77");

        var stored = await disclosures.GetAsync(TwoNodes.DeAnalyst, disclosure.MessageId);
        Assert.Equal(2, stored.CaseIds.Count);
        Assert.Equal(["bka-de"], stored.Consents);
        Assert.Equal("analysis of ransomware proceeds", stored.Terms.Purpose);
    }

    [DatabaseTheory]
    public async Task AcceptanceBeforeDeliveryReceipt_StillMarksTheMessageDeliveredAndAccepted(SqlDialect dialect)
    {
        await using var nodes = await TwoNodes.CreateAsync(dialect);
        var sent = await new SqlOutbox(nodes.Nl.Database).SendAsync(TwoNodes.NlAnalyst, nodes.NlNode, "de-fiu", EnvelopeType.Request, RequestWithEvidence());
        // The delivery answer is lost: the receiver stored the message but the sender never recorded the receipt.
        await new EnvelopeReceiver(nodes.De.Database, nodes.DeNode).ReceiveAsync(Encoding.UTF8.GetBytes(sent.Envelope));
        await new SqlInbox(nodes.De.Database, nodes.DeNode).AcceptAsync(TwoNodes.DeAnalyst, sent.MessageId, null);

        await nodes.DeliverAsync(nodes.De);
        var afterAcceptance = await new SqlOutbox(nodes.Nl.Database).GetAsync(sent.MessageId);
        await nodes.DeliverAsync(nodes.Nl);

        Assert.Equal(("delivered", (DateTimeOffset?)null), (afterAcceptance.State, afterAcceptance.DeliveredAt));
        Assert.NotNull(afterAcceptance.AcceptedAt);
        Assert.Empty(await new SqlOutbox(nodes.Nl.Database).ClaimDueAsync(nodes.Nl.Time.GetUtcNow(), TimeSpan.FromMinutes(1), 10));
    }

    [DatabaseTheory]
    public async Task SendingToAnUnregisteredNode_OrAboutAnInvisibleCase_IsRefused(SqlDialect dialect)
    {
        await using var nodes = await TwoNodes.CreateAsync(dialect);
        var outbox = new SqlOutbox(nodes.Nl.Database);
        await Assert.ThrowsAsync<NotFoundException>(() => outbox.SendAsync(TwoNodes.NlAnalyst, nodes.NlNode, "xx-nobody", EnvelopeType.Request, RequestWithEvidence()));
        await Assert.ThrowsAsync<NotFoundException>(() => outbox.SendAsync(TwoNodes.NlAnalyst, nodes.NlNode, "de-fiu", EnvelopeType.Request, RequestWithEvidence("NO-SUCH-CASE")));
        Assert.Empty(await outbox.ListAsync());
    }
}
