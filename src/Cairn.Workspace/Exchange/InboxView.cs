using Cairn.Exchange.Store;

namespace Cairn.Workspace.Exchange;

/// <summary>A received message (still sealed): from whom, type, subject, their case, state (received, accepted, processed) and who accepted it into which case.</summary>
public sealed record InboxView(string MessageId, string SenderNode, string Type, string Subject, string? CaseReference, string? InReplyTo, string EnvelopeDigest, string State,
    DateTimeOffset ReceivedAt, DateTimeOffset? AcceptedAt, string? AcceptedBy, string? LocalCase)
{
    public static InboxView Of(InboxEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.MessageId, e.SenderNode, e.Type, e.Subject, e.CaseReference, e.InReplyTo, e.EnvelopeDigest, e.State, e.ReceivedAt, e.AcceptedAt, e.AcceptedBy, e.LocalCase);
    }
}
