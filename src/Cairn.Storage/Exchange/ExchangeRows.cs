using Cairn.Cases.Custody;
using Cairn.Exchange.Store;

namespace Cairn.Storage.Exchange;

/// <summary>Dapper row shapes of the exchange tables and their conversion to records.</summary>
internal static class ExchangeRows
{
    public const string OutboxColumns =
        "message_id AS MessageId, recipient_node AS RecipientNode, message_type AS Type, subject AS Subject, case_reference AS CaseReference, in_reply_to AS InReplyTo, " +
        "envelope AS Envelope, envelope_digest AS EnvelopeDigest, created_at AS CreatedAt, expires_at AS ExpiresAt, state AS State, attempts AS Attempts, " +
        "next_attempt_at AS NextAttemptAt, last_error AS LastError, delivered_at AS DeliveredAt, accepted_at AS AcceptedAt, sent_by AS SentBy";

    public const string InboxColumns =
        "message_id AS MessageId, sender_node AS SenderNode, message_type AS Type, subject AS Subject, case_reference AS CaseReference, in_reply_to AS InReplyTo, " +
        "envelope AS Envelope, envelope_digest AS EnvelopeDigest, received_at AS ReceivedAt, state AS State, accepted_at AS AcceptedAt, accepted_by AS AcceptedBy, " +
        "local_case AS LocalCase, delivery_receipt AS DeliveryReceipt";

    public static string Time(DateTimeOffset time) => CustodyEntry.FormatTime(time);

    public static DateTimeOffset? Time(string? text) => text is null ? null : CustodyEntry.ParseTime(text);

    internal sealed class Outbox
    {
        public string MessageId { get; set; } = "";
        public string RecipientNode { get; set; } = "";
        public string Type { get; set; } = "";
        public string Subject { get; set; } = "";
        public string? CaseReference { get; set; }
        public string? InReplyTo { get; set; }
        public string Envelope { get; set; } = "";
        public string EnvelopeDigest { get; set; } = "";
        public string CreatedAt { get; set; } = "";
        public string ExpiresAt { get; set; } = "";
        public string State { get; set; } = "";
        public long Attempts { get; set; }
        public string NextAttemptAt { get; set; } = "";
        public string LastError { get; set; } = "";
        public string? DeliveredAt { get; set; }
        public string? AcceptedAt { get; set; }
        public string SentBy { get; set; } = "";

        public OutboxEntry ToEntry() => new(MessageId, RecipientNode, Type, Subject, CaseReference, InReplyTo, Envelope, EnvelopeDigest,
            CustodyEntry.ParseTime(CreatedAt), CustodyEntry.ParseTime(ExpiresAt), State, Attempts, CustodyEntry.ParseTime(NextAttemptAt), LastError,
            Time(DeliveredAt), Time(AcceptedAt), SentBy);
    }

    internal sealed class Inbox
    {
        public string MessageId { get; set; } = "";
        public string SenderNode { get; set; } = "";
        public string Type { get; set; } = "";
        public string Subject { get; set; } = "";
        public string? CaseReference { get; set; }
        public string? InReplyTo { get; set; }
        public string Envelope { get; set; } = "";
        public string EnvelopeDigest { get; set; } = "";
        public string ReceivedAt { get; set; } = "";
        public string State { get; set; } = "";
        public string? AcceptedAt { get; set; }
        public string? AcceptedBy { get; set; }
        public string? LocalCase { get; set; }
        public string DeliveryReceipt { get; set; } = "";

        public InboxEntry ToEntry() => new(MessageId, SenderNode, Type, Subject, CaseReference, InReplyTo, Envelope, EnvelopeDigest,
            CustodyEntry.ParseTime(ReceivedAt), State, Time(AcceptedAt), AcceptedBy, LocalCase, DeliveryReceipt);
    }
}
