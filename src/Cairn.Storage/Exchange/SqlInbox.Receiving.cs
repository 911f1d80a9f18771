using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Core;
using Cairn.Exchange.Envelopes;
using Cairn.Exchange.Messages;
using Cairn.Exchange.Receipts;
using Cairn.Exchange.Store;

namespace Cairn.Storage.Exchange;

/// <summary>The receiving half of the inbox: storing an authentic envelope exactly once, and recording rejections.</summary>
public sealed partial class SqlInbox
{
    private Actor NodeActor => new("node:" + _identity.NodeId, _identity.Card.Agency);

    /// <summary>
    /// Stores an opened (authentic) envelope in one transaction with its signed delivery receipt and
    /// custody entries. The same message id with the same digest is a duplicate (the stored receipt
    /// is returned, nothing stored); with another digest a replay (<see cref="EnvelopeRejectedException"/>).
    /// Unusable content throws <see cref="CairnException"/>; a race with a copy of the same envelope
    /// surfaces as a database error the caller retries once.
    /// </summary>
    public Task<ReceiveOutcome> StoreReceivedAsync(OpenedEnvelope opened, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(NodeActor, async unit =>
        {
            var envelope = opened.Envelope;
            var existing = await unit.QuerySingleOrDefaultAsync<ExchangeRows.Inbox>(
                $"SELECT {ExchangeRows.InboxColumns} FROM exchange_inbox WHERE message_id = @MessageId{unit.ForUpdate}", new { envelope.MessageId }).ConfigureAwait(false);
            if (existing is not null)
            {
                if (existing.EnvelopeDigest != envelope.DigestHex || existing.SenderNode != envelope.Sender)
                    throw new EnvelopeRejectedException(RejectionReason.Replay, $"envelope {envelope.MessageId} from '{envelope.Sender}' rejected (replay): the message id was already received with other content");
                await unit.RecordAsync("exchange.duplicate", "envelope", envelope.MessageId, envelope.DigestHex).ConfigureAwait(false);
                return new ReceiveOutcome(Receipt.Parse(existing.DeliveryReceipt), true, null, "duplicate of a stored message");
            }
            var message = ExchangeMessage.Parse(opened.Payload);
            var state = "received";
            if (envelope.Type == EnvelopeType.Receipt)
            {
                var receipt = message.Receipt ?? throw new CairnException($"receipt envelope {envelope.MessageId} carries no receipt");
                var issuer = await SqlPartnerStore.GetAsync(unit, envelope.Sender).ConfigureAwait(false);
                await SqlOutbox.RecordAcceptanceAsync(unit, receipt, issuer).ConfigureAwait(false);
                state = "processed";
            }
            var now = unit.Time.GetUtcNow();
            var delivery = Receipt.Issue(_identity, ReceiptKind.Delivery, envelope, now);
            await unit.ExecuteAsync(
                "INSERT INTO exchange_inbox (message_id, sender_node, message_type, subject, case_reference, in_reply_to, envelope, envelope_digest, received_at, state, accepted_at, accepted_by, local_case, delivery_receipt) " +
                "VALUES (@MessageId, @Sender, @Type, @Subject, @CaseReference, @InReplyTo, @Envelope, @Digest, @Now, @State, NULL, NULL, NULL, @Receipt)",
                new
                {
                    envelope.MessageId, envelope.Sender, Type = EnvelopeTypes.Name(envelope.Type), message.Subject, message.CaseReference, message.InReplyTo,
                    Envelope = envelope.ToJson(), Digest = envelope.DigestHex, Now = ExchangeRows.Time(now), State = state, Receipt = delivery.ToJson(),
                }).ConfigureAwait(false);
            await SqlOutbox.StoreReceiptAsync(unit, delivery, "issued").ConfigureAwait(false);
            await unit.RecordAsync("exchange.receive", "envelope", envelope.MessageId, envelope.DigestHex).ConfigureAwait(false);
            await unit.RecordAsync("exchange.receipt.delivery", "envelope", envelope.MessageId, CustodyRecord.HashOf(delivery.ToJson())).ConfigureAwait(false);
            return new ReceiveOutcome(delivery, false, null, "stored");
        }, cancellationToken);

    /// <summary>Records a rejected envelope (reason, claimed sender and id, body hash) and its custody entry; nothing of it reaches case data.</summary>
    public async Task<ReceiveOutcome> RecordRejectionAsync(byte[] body, EnvelopeRejectedException rejected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(rejected);
        string claimedSender = "", claimedId = "";
        try
        {
            var claimed = Envelope.Parse(body);
            (claimedSender, claimedId) = (claimed.Sender, claimed.MessageId);
        }
        catch (EnvelopeRejectedException)
        {
            // Unreadable: nothing to name.
        }
        var bodyHash = CustodyRecord.HashOf(body);
        await _database.InTransactionAsync(NodeActor, async unit =>
        {
            var id = CairnIds.New(unit.Time);
            await unit.ExecuteAsync(
                "INSERT INTO exchange_rejections (id, received_at, reason, claimed_sender, claimed_message_id, detail, body_sha256) VALUES (@id, @Now, @Reason, @claimedSender, @claimedId, @Detail, @bodyHash)",
                new { id, Now = ExchangeRows.Time(unit.Time.GetUtcNow()), Reason = rejected.ReasonCode, claimedSender, claimedId, Detail = rejected.Message, bodyHash }).ConfigureAwait(false);
            await unit.RecordAsync("exchange.reject." + rejected.ReasonCode, "envelope", claimedId.Length > 0 ? claimedId : id, bodyHash).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return new ReceiveOutcome(null, false, rejected.Reason, rejected.Message);
    }
}
