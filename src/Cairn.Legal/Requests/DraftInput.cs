namespace Cairn.Legal.Requests;

/// <summary>What an investigator supplies to draft requests from a trace; optional texts left null stay missing for the completeness check.</summary>
public sealed record DraftInput(
    string? CaseReference,
    string RequestingState,
    IReadOnlyList<TraceFinding> Findings,
    IReadOnlyList<string> Measures,
    bool Urgent,
    string Language = "en",
    string? RequestingAuthority = null,
    string? OffenceSummary = null);
