namespace Cairn.Legal.Requests;

/// <summary>The drafts, one per requested State and measure, and the pairs no instrument routes (with why).</summary>
public sealed record DraftResult(IReadOnlyList<LegalRequest> Drafts, IReadOnlyList<string> Unroutable);
