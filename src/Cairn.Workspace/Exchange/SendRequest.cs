namespace Cairn.Workspace.Exchange;

/// <summary>
/// A message to seal for a partner: type (request, response, fiu_disclosure, fiu_request, ack), files
/// to attach, our case reference, subject, body, the message it answers, and for an FIU disclosure the
/// purpose, handling restrictions and agencies consented to for onward dissemination (Egmont Principles).
/// </summary>
public sealed record SendRequest(string? To, string? Type, IReadOnlyList<string>? Files = null, string? CaseReference = null, string? Subject = null, string? Body = null,
    string? ReplyTo = null, string? Purpose = null, IReadOnlyList<string>? Restrictions = null, IReadOnlyList<string>? Consents = null);
