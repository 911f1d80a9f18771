using Cairn.Cases.Agencies;
using Cairn.Core.Paging;
using Cairn.Exchange.Envelopes;
using Cairn.Exchange.Messages;

namespace Cairn.Exchange.Store;

/// <summary>
/// Received messages of one node (the store holds the node's identity: messages stay sealed until
/// read or accepted with its key). Storing an authentic envelope is exactly-once; rejections are
/// stored and logged; accepting issues the signed acceptance receipt in the same transaction.
/// </summary>
public interface IInboxStore
{
    Task<Page<InboxEntry>> ListAsync(PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Decrypts a received message for reading (logged "exchange.inbox.read").</summary>
    Task<(InboxEntry Entry, ExchangeMessage Message)> ReadAsync(Actor actor, string messageId, CancellationToken cancellationToken = default);

    /// <summary>Accepts a received message, optionally into a case (its attachments become evidence).</summary>
    Task<AcceptedMessage> AcceptAsync(Actor actor, string messageId, string? caseReference, CancellationToken cancellationToken = default);

    /// <summary>Stores an authentic envelope with its signed delivery receipt; a duplicate answers the stored receipt, a replay is refused.</summary>
    Task<ReceiveOutcome> StoreReceivedAsync(OpenedEnvelope opened, CancellationToken cancellationToken = default);

    /// <summary>Records a rejected envelope and its custody entry; nothing of it reaches case data.</summary>
    Task<ReceiveOutcome> RecordRejectionAsync(byte[] body, EnvelopeRejectedException rejected, CancellationToken cancellationToken = default);
}
