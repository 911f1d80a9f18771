using Cairn.Exchange.Fiu;

namespace Cairn.Workspace.Exchange;

/// <summary>A received message decrypted for reading: its inbox row, subject, body, references, FIU disclosure terms and attachments (name, type, hash, size).</summary>
public sealed record ReceivedMessage(InboxView Message, string Subject, string Body, string? CaseReference, string? InReplyTo, DisclosureTerms? Disclosure, IReadOnlyList<ReceivedMessage.Attachment> Attachments)
{
    public sealed record Attachment(string FileName, string MediaType, string Sha256, long SizeBytes);
}
