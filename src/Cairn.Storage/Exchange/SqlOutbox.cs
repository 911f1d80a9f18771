using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Core;
using Cairn.Core.Paging;
using Cairn.Exchange.Envelopes;
using Cairn.Exchange.Messages;
using Cairn.Exchange.Nodes;
using Cairn.Exchange.Receipts;
using Cairn.Storage.Cases;
using Cairn.Exchange.Store;

namespace Cairn.Storage.Exchange;

/// <summary>
/// The persistent outbox (exchange_outbox). A message is sealed and stored in the same transaction
/// as its "exchange.send" custody entry, before any network traffic, so it survives a crash and is
/// retried (<see cref="OutboxCourier"/>) until a signed delivery receipt comes back or it expires.
/// </summary>
public sealed class SqlOutbox : IOutboxStore
{
    /// <summary>Who claims rows (a claim writes no custody entry: it changes no content, only who sends next).</summary>
    private static readonly Actor Courier = new("courier", "installation");

    private readonly CairnDatabase _database;

    public SqlOutbox(CairnDatabase database)
    {
        _database = database;
    }

    /// <summary>Seals <paramref name="message"/> for <paramref name="recipientNode"/> and queues it; a case reference must be a case the actor can see.</summary>
    public Task<OutboxEntry> SendAsync(Actor actor, NodeIdentity identity, string recipientNode, EnvelopeType type, ExchangeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(message);
        return _database.InTransactionAsync(actor, async unit =>
        {
            var partner = await SqlPartnerStore.GetAsync(unit, recipientNode).ConfigureAwait(false);
            var entry = await EnqueueAsync(unit, identity, partner, type, message).ConfigureAwait(false);
            if (message.CaseReference is { } reference)
            {
                var found = await SqlCaseStore.LoadVisibleAsync(unit, reference).ConfigureAwait(false);
                await unit.RecordAsync("case.exchange.send", "case", found.Id, entry.EnvelopeDigest).ConfigureAwait(false);
            }
            return entry;
        }, cancellationToken);
    }

    /// <summary>Seals and queues inside an existing transaction (sending, and acceptance receipts going back).</summary>
    public static async Task<OutboxEntry> EnqueueAsync(UnitOfWork unit, NodeIdentity identity, NodeCard partner, EnvelopeType type, ExchangeMessage message)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(partner);
        ArgumentNullException.ThrowIfNull(message);
        var now = unit.Time.GetUtcNow();
        var envelope = EnvelopeSealer.Seal(identity, partner, type, message.ToBytes(), now);
        var entry = new OutboxEntry(envelope.MessageId, partner.NodeId, EnvelopeTypes.Name(type), message.Subject, message.CaseReference, message.InReplyTo,
            envelope.ToJson(), envelope.DigestHex, envelope.CreatedAt, envelope.ExpiresAt, "pending", 0, now, "", null, null, unit.Actor.ToString());
        await unit.ExecuteAsync(
            "INSERT INTO exchange_outbox (message_id, recipient_node, message_type, subject, case_reference, in_reply_to, envelope, envelope_digest, created_at, expires_at, state, attempts, next_attempt_at, last_error, delivered_at, accepted_at, sent_by) " +
            "VALUES (@MessageId, @RecipientNode, @Type, @Subject, @CaseReference, @InReplyTo, @Envelope, @EnvelopeDigest, @CreatedAt, @ExpiresAt, @State, 0, @NextAttemptAt, '', NULL, NULL, @SentBy)",
            new
            {
                entry.MessageId, entry.RecipientNode, entry.Type, entry.Subject, entry.CaseReference, entry.InReplyTo, entry.Envelope, entry.EnvelopeDigest,
                CreatedAt = ExchangeRows.Time(entry.CreatedAt), ExpiresAt = ExchangeRows.Time(entry.ExpiresAt), entry.State, NextAttemptAt = ExchangeRows.Time(now), entry.SentBy,
            }).ConfigureAwait(false);
        await unit.RecordAsync("exchange.send", "envelope", entry.MessageId, entry.EnvelopeDigest).ConfigureAwait(false);
        return entry;
    }

    public Task<IReadOnlyList<OutboxEntry>> ListAsync(CancellationToken cancellationToken = default) =>
        _database.QueryAsync<IReadOnlyList<OutboxEntry>>(async connection =>
        {
            var rows = await Dapper.SqlMapper.QueryAsync<ExchangeRows.Outbox>(connection, new Dapper.CommandDefinition(
                $"SELECT {ExchangeRows.OutboxColumns} FROM exchange_outbox ORDER BY created_at, message_id", cancellationToken: cancellationToken)).ConfigureAwait(false);
            return rows.Select(r => r.ToEntry()).ToList();
        }, cancellationToken);

    /// <summary>
    /// One page of the outbox, oldest first; only what users of <paramref name="agency"/> sent when it is given
    /// (sent_by is the custody-log form "user@agency": the agency follows the last '@'). Paged by the database.
    /// </summary>
    public Task<Page<OutboxEntry>> ListAsync(string? agency, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        return _database.QueryAsync(async connection =>
        {
            // LIKE wildcards in an agency code are escaped, so '%' or '_' only ever match themselves.
            var pattern = agency is null ? null : "%@" + agency.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
            var where = agency is null ? "" : " WHERE sent_by LIKE @pattern ESCAPE '\\'";
            var total = await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, new Dapper.CommandDefinition($"SELECT COUNT(*) FROM exchange_outbox{where}", new { pattern }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var rows = await Dapper.SqlMapper.QueryAsync<ExchangeRows.Outbox>(connection, new Dapper.CommandDefinition(
                $"SELECT {ExchangeRows.OutboxColumns} FROM exchange_outbox{where} ORDER BY created_at, message_id LIMIT @Limit OFFSET @Offset",
                new { pattern, Limit = (long)page.Limit, page.Offset }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return Page<OutboxEntry>.Of(rows.Select(r => r.ToEntry()).ToList(), page, total);
        }, cancellationToken);
    }

    public async Task<OutboxEntry> GetAsync(string messageId, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(e => e.MessageId == messageId)
        ?? throw new NotFoundException($"no outbox message '{messageId}'");

    /// <summary>
    /// Claims due pending messages in one statement: the rows are locked with <c>FOR UPDATE SKIP LOCKED</c> on
    /// PostgreSQL (a row another node is claiming is passed over, not waited for) and their next attempt is moved
    /// past the lease before the transaction commits, so two couriers never hold the same message. SQLite is one
    /// node: its write transactions are exclusive already.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEntry>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var skipLocked = _database.Dialect == SqlDialect.Postgres ? " FOR UPDATE SKIP LOCKED" : "";
        var rows = await _database.InTransactionAsync(Courier, unit => unit.QueryAsync<ExchangeRows.Outbox>(
            "UPDATE exchange_outbox SET next_attempt_at = @Until WHERE message_id IN (" +
            $"SELECT message_id FROM exchange_outbox WHERE state = 'pending' AND next_attempt_at <= @Now ORDER BY next_attempt_at, message_id LIMIT {limit}{skipLocked}) " +
            $"RETURNING {ExchangeRows.OutboxColumns}",
            new { Now = ExchangeRows.Time(now), Until = ExchangeRows.Time(now + lease) }), cancellationToken).ConfigureAwait(false);
        // RETURNING gives no order; the claim's order is the queue's (creation within equal due times).
        return rows.Select(r => r.ToEntry()).OrderBy(e => e.CreatedAt).ThenBy(e => e.MessageId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Stores the partner's verified delivery receipt and marks the message delivered (idempotent).</summary>
    public Task RecordDeliveredAsync(Actor actor, OutboxEntry entry, Receipt receipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(receipt);
        return _database.InTransactionAsync(actor, async unit =>
        {
            var stored = await StoreReceiptAsync(unit, receipt, "received").ConfigureAwait(false);
            await unit.ExecuteAsync(
                "UPDATE exchange_outbox SET state = CASE WHEN state = 'pending' THEN 'delivered' ELSE state END, delivered_at = COALESCE(delivered_at, @At), attempts = attempts + 1, last_error = '' WHERE message_id = @MessageId",
                new { entry.MessageId, At = ExchangeRows.Time(receipt.IssuedAt) }).ConfigureAwait(false);
            if (stored) await unit.RecordAsync("exchange.delivered", "envelope", entry.MessageId, CustodyRecord.HashOf(receipt.ToJson())).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>Counts a failed attempt; <paramref name="finalState"/> (expired, rejected) ends retrying.</summary>
    public Task RecordFailureAsync(Actor actor, OutboxEntry entry, string error, DateTimeOffset nextAttempt, string? finalState = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _database.InTransactionAsync(actor, async unit =>
        {
            await unit.ExecuteAsync(
                "UPDATE exchange_outbox SET attempts = attempts + 1, last_error = @Error, next_attempt_at = @Next, state = @State WHERE message_id = @MessageId AND state = 'pending'",
                new { entry.MessageId, Error = error.Length > 500 ? error[..500] : error, Next = ExchangeRows.Time(nextAttempt), State = finalState ?? "pending" }).ConfigureAwait(false);
            await unit.RecordAsync(finalState is null ? "exchange.attempt.failed" : "exchange." + finalState, "envelope", entry.MessageId, CustodyRecord.HashOf(error)).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>Records the partner's acceptance receipt for one of our messages (arrived in a receipt envelope); checks it against what we sent.</summary>
    internal static async Task RecordAcceptanceAsync(UnitOfWork unit, Receipt receipt, NodeCard issuer)
    {
        var row = await unit.QuerySingleOrDefaultAsync<ExchangeRows.Outbox>($"SELECT {ExchangeRows.OutboxColumns} FROM exchange_outbox WHERE message_id = @MessageId", new { receipt.MessageId }).ConfigureAwait(false)
            ?? throw new CairnException($"acceptance receipt from '{issuer.NodeId}' names message {receipt.MessageId}, which this node never sent");
        if (row.RecipientNode != issuer.NodeId)
            throw new CairnException($"acceptance receipt for {receipt.MessageId} comes from '{issuer.NodeId}', but the message went to '{row.RecipientNode}'");
        receipt.Verify(issuer, row.MessageId, row.EnvelopeDigest);
        if (receipt.Kind != ReceiptKind.Acceptance) throw new CairnException($"receipt for {receipt.MessageId} in a receipt envelope must be an acceptance receipt");
        if (await StoreReceiptAsync(unit, receipt, "received").ConfigureAwait(false))
        {
            // Reordering is harmless: an acceptance can arrive before the delivery receipt was recorded; it implies delivery.
            await unit.ExecuteAsync(
                "UPDATE exchange_outbox SET accepted_at = COALESCE(accepted_at, @At), state = CASE WHEN state = 'pending' THEN 'delivered' ELSE state END WHERE message_id = @MessageId",
                new { receipt.MessageId, At = ExchangeRows.Time(receipt.IssuedAt) }).ConfigureAwait(false);
            await unit.RecordAsync("exchange.accepted", "envelope", receipt.MessageId, CustodyRecord.HashOf(receipt.ToJson())).ConfigureAwait(false);
        }
    }

    /// <summary>Inserts a receipt unless the same (message, kind, issuer) is stored; returns whether it was new.</summary>
    internal static async Task<bool> StoreReceiptAsync(UnitOfWork unit, Receipt receipt, string direction)
    {
        var inserted = await unit.ExecuteAsync(
            "INSERT INTO exchange_receipts (message_id, kind, issuer_node, direction, receipt, recorded_at) VALUES (@MessageId, @Kind, @Issuer, @Direction, @Json, @Now) ON CONFLICT (message_id, kind, issuer_node) DO NOTHING",
            new { receipt.MessageId, Kind = receipt.Kind == ReceiptKind.Delivery ? "delivery" : "acceptance", receipt.Issuer, Direction = direction, Json = receipt.ToJson(), Now = ExchangeRows.Time(unit.Time.GetUtcNow()) }).ConfigureAwait(false);
        return inserted > 0;
    }
}
