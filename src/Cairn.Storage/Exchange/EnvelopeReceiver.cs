using System.Data.Common;
using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Core;
using Cairn.Exchange.Envelopes;
using Cairn.Exchange.Messages;
using Cairn.Exchange.Nodes;
using Cairn.Exchange.Receipts;

namespace Cairn.Storage.Exchange;

/// <summary>
/// Takes an envelope off the wire: checks it (<see cref="EnvelopeOpener"/>), then in one transaction
/// stores it in the inbox by message id, issues the signed delivery receipt and logs both. A message
/// id seen before with the same digest is a duplicate (a retry after a lost answer): nothing is
/// stored and the original receipt is returned, which is what makes delivery exactly-once. The same
/// id with a different digest is a replay and rejected. Every rejection is stored and logged;
/// nothing from a rejected envelope reaches case data.
/// </summary>
public sealed class EnvelopeReceiver
{
    private readonly CairnDatabase _database;
    private readonly NodeIdentity _identity;

    public EnvelopeReceiver(CairnDatabase database, NodeIdentity identity)
    {
        _database = database;
        _identity = identity;
    }

    private Actor NodeActor => new("node:" + _identity.NodeId, _identity.Card.Agency);

    public async Task<ReceiveOutcome> ReceiveAsync(byte[] body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        OpenedEnvelope opened;
        try
        {
            NodeCard? sender = null;
            try
            {
                sender = await new SqlPartnerStore(_database).FindAsync(Envelope.Parse(body).Sender, cancellationToken).ConfigureAwait(false);
            }
            catch (EnvelopeRejectedException)
            {
                // Malformed: Open below reports it with the precise message.
            }
            opened = EnvelopeOpener.Open(body, _identity, id => sender?.NodeId == id ? sender : null, _database.Time.GetUtcNow());
        }
        catch (EnvelopeRejectedException rejected)
        {
            return await RejectAsync(body, rejected, cancellationToken).ConfigureAwait(false);
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StoreAsync(opened, cancellationToken).ConfigureAwait(false);
            }
            catch (EnvelopeRejectedException rejected)
            {
                return await RejectAsync(body, rejected, cancellationToken).ConfigureAwait(false);
            }
            catch (CairnException invalid)
            {
                // Authentic but unusable content (unreadable payload, a receipt for a message we never sent).
                return await RejectAsync(body, new EnvelopeRejectedException(RejectionReason.Malformed, $"envelope {opened.Envelope.MessageId} from '{opened.Envelope.Sender}' rejected (malformed): {invalid.Message}", invalid), cancellationToken).ConfigureAwait(false);
            }
            catch (DbException) when (attempt == 1)
            {
                // Two copies raced past the existence check (PostgreSQL, read committed): the unique
                // message id stopped the second; run again and it is a duplicate.
            }
        }
    }

    private Task<ReceiveOutcome> StoreAsync(OpenedEnvelope opened, CancellationToken cancellationToken) =>
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

    private async Task<ReceiveOutcome> RejectAsync(byte[] body, EnvelopeRejectedException rejected, CancellationToken cancellationToken)
    {
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
