namespace Cairn.Exchange.Store;

/// <summary>A message this node received: state received | accepted | processed (receipt envelopes, handled on arrival).</summary>
public sealed record InboxEntry(
    string MessageId,
    string SenderNode,
    string Type,
    string Subject,
    string? CaseReference,
    string? InReplyTo,
    string Envelope,
    string EnvelopeDigest,
    DateTimeOffset ReceivedAt,
    string State,
    DateTimeOffset? AcceptedAt,
    string? AcceptedBy,
    string? LocalCase,
    string DeliveryReceipt);
