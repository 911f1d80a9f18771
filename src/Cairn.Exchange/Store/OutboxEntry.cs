namespace Cairn.Exchange.Store;

/// <summary>A message this node sent (or is still sending): state pending | delivered | expired | rejected, and the receipt times.</summary>
public sealed record OutboxEntry(
    string MessageId,
    string RecipientNode,
    string Type,
    string Subject,
    string? CaseReference,
    string? InReplyTo,
    string Envelope,
    string EnvelopeDigest,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string State,
    long Attempts,
    DateTimeOffset NextAttemptAt,
    string LastError,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? AcceptedAt,
    string SentBy);
