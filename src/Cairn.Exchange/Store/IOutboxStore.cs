using Cairn.Cases.Agencies;
using Cairn.Core.Paging;
using Cairn.Exchange.Envelopes;
using Cairn.Exchange.Messages;
using Cairn.Exchange.Nodes;
using Cairn.Exchange.Receipts;

namespace Cairn.Exchange.Store;

/// <summary>
/// The persistent outbox: a message is sealed and stored with its "exchange.send" custody entry
/// before any network traffic, then delivered until a signed delivery receipt comes back or it expires.
/// </summary>
public interface IOutboxStore
{
    /// <summary>Seals <paramref name="message"/> for <paramref name="recipientNode"/> and queues it; a case reference must be a case the actor can see.</summary>
    Task<OutboxEntry> SendAsync(Actor actor, NodeIdentity identity, string recipientNode, EnvelopeType type, ExchangeMessage message, CancellationToken cancellationToken = default);

    /// <summary>One page of the outbox, oldest first; only what users of <paramref name="agency"/> sent when it is given.</summary>
    Task<Page<OutboxEntry>> ListAsync(string? agency, PageRequest page, CancellationToken cancellationToken = default);

    Task<OutboxEntry> GetAsync(string messageId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="limit"/> pending messages due at <paramref name="now"/>, oldest first: their next
    /// attempt moves to <paramref name="now"/> + <paramref name="lease"/>, so no other courier (another server node,
    /// `cairn exchange deliver`) picks them until the lease runs out (a courier that died).
    /// </summary>
    Task<IReadOnlyList<OutboxEntry>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken = default);

    /// <summary>Stores the partner's verified delivery receipt and marks the message delivered (idempotent).</summary>
    Task RecordDeliveredAsync(Actor actor, OutboxEntry entry, Receipt receipt, CancellationToken cancellationToken = default);

    /// <summary>Counts a failed attempt; <paramref name="finalState"/> (expired, rejected) ends retrying.</summary>
    Task RecordFailureAsync(Actor actor, OutboxEntry entry, string error, DateTimeOffset nextAttempt, string? finalState = null, CancellationToken cancellationToken = default);
}
