namespace Cairn.Exchange.Store;

/// <summary>A match filter an agency sent to a partner node: its id, the partner, the outbox message, its HMAC key and size.</summary>
public sealed record PublishedFilter(string Id, string Agency, string Partner, string? MessageId, byte[] Key, long Entries, DateTimeOffset CreatedAt, string CreatedBy);
