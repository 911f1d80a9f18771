using Cairn.Exchange.Store;

namespace Cairn.Workspace.Exchange;

/// <summary>A sent message: to whom, type, subject, case, state (pending, delivered, expired, rejected), attempts, the receipt times and the last error.</summary>
public sealed record OutboxView(string MessageId, string RecipientNode, string Type, string Subject, string? CaseReference, string? InReplyTo, string EnvelopeDigest, string State,
    long Attempts, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset NextAttemptAt, DateTimeOffset? DeliveredAt, DateTimeOffset? AcceptedAt, string LastError, string SentBy)
{
    public static OutboxView Of(OutboxEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.MessageId, e.RecipientNode, e.Type, e.Subject, e.CaseReference, e.InReplyTo, e.EnvelopeDigest, e.State, e.Attempts, e.CreatedAt, e.ExpiresAt, e.NextAttemptAt,
            e.DeliveredAt, e.AcceptedAt, e.LastError, e.SentBy);
    }
}
