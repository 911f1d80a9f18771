namespace Cairn.Workspace.Exchange;

/// <summary>A message accepted: its inbox row, the id of the acceptance receipt queued back to the sender, and the evidence its attachments became.</summary>
public sealed record AcceptedView(InboxView Message, string ReceiptMessageId, IReadOnlyList<AcceptedView.EvidenceFile> Evidence)
{
    public sealed record EvidenceFile(string Id, string FileName, string Sha256);
}
