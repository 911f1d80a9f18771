namespace Cairn.Workspace.Legal;

/// <summary>Requests drafted (one per requested State and measure) and the findings no instrument routes to, each with why.</summary>
public sealed record DraftedRequests(IReadOnlyList<RequestSummary> Drafts, IReadOnlyList<string> Unroutable);
