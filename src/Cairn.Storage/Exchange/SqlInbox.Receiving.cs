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
    /// <summary>Rejections kept in <c>exchange_rejections</c>; older ones are deleted as new ones arrive.</summary>
    public const int DefaultRejectionCap = 10_000;

    private Actor NodeActor => new("node:" + _identity.NodeId, _identity.Card.Agency);

    /// <summary>
    /// Stores an opened (authentic) envelope in one transaction with its signed delivery receipt and
    /// custody entries. The same message id with the same digest is a duplicate (the stored receipt
    /// is returned, nothing stored, nothing logged: anyone who saw the envelope on the wire can send
    /// it again, and a stranger must not grow the custody log); with another digest a replay
    /// (<see cref="EnvelopeRejectedException"/>). An id outside the sender's namespace is refused here
    /// too, so message ids are unique per sender whatever the caller checked.
    /// Unusable content throws <see cref="CairnException"/>; a race with a copy of the same envelope
    /// surfaces as a database error the caller retries once.
    /// </summary>
    public Task<ReceiveOutcome> StoreReceivedAsync(OpenedEnvelope opened, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(NodeActor, async unit =>
        {
            var envelope = opened.Envelope;
            if (!MessageIds.BelongsTo(envelope.MessageId, envelope.Sender))
                throw new EnvelopeRejectedException(RejectionReason.Malformed, $"envelope {envelope.MessageId} rejected (malformed): the message id is not in sender '{envelope.Sender}''s namespace");
            var existing = await unit.QuerySingleOrDefaultAsync<ExchangeRows.Inbox>(
                $"SELECT {ExchangeRows.InboxColumns} FROM exchange_inbox WHERE message_id = @MessageId{unit.ForUpdate}", new { envelope.MessageId }).ConfigureAwait(false);
            if (existing is not null)
            {
                if (existing.EnvelopeDigest != envelope.DigestHex || existing.SenderNode != envelope.Sender)
                    throw new EnvelopeRejectedException(RejectionReason.Replay, $"envelope {envelope.MessageId} from '{envelope.Sender}' rejected (replay): the message id was already received with other content");
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

    /// <summary>
    /// Records a rejected envelope (reason, claimed sender and id, body hash) in <c>exchange_rejections</c>,
    /// capped at <see cref="RejectionCap"/> rows (the oldest go). Never in the custody log: whoever sent
    /// it is not authenticated (a forged, replayed or garbled envelope can come from anyone), and
    /// docs/server.md promises a stranger cannot grow the log. Nothing of it reaches case data.
    /// </summary>
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
                new { id, Now = ExchangeRows.Time(unit.Time.GetUtcNow()), Reason = rejected.ReasonCode, claimedSender = Clip(claimedSender), claimedId = Clip(claimedId), Detail = Clip(rejected.Message), bodyHash }).ConfigureAwait(false);
            // Ids are UUIDv7 (time-ordered): everything older than the cap-th newest goes.
            await unit.ExecuteAsync(
                "DELETE FROM exchange_rejections WHERE id < (SELECT id FROM exchange_rejections ORDER BY id DESC LIMIT 1 OFFSET @Skip)", new { Skip = (long)Math.Max(0, RejectionCap - 1) }).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return new ReceiveOutcome(null, false, rejected.Reason, rejected.Message);
    }

    /// <summary>How many rejections are kept (tests lower it).</summary>
    public int RejectionCap { get; init; } = DefaultRejectionCap;

    /// <summary>The number of rejections kept now.</summary>
    public Task<long> CountRejectionsAsync(CancellationToken cancellationToken = default) =>
        _database.QueryAsync(connection => Dapper.SqlMapper.ExecuteScalarAsync<long>(connection,
            new Dapper.CommandDefinition("SELECT COUNT(*) FROM exchange_rejections", cancellationToken: cancellationToken)), cancellationToken);

    // Claimed values are attacker-chosen: keep a bounded prefix.
    private static string Clip(string text) => text.Length > 500 ? text[..500] : text;
}
