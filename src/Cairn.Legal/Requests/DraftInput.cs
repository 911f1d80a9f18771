namespace Cairn.Legal.Requests;

/// <summary>
/// What an investigator supplies to draft requests from a trace; optional texts left null stay
/// missing for the completeness check. <paramref name="OffenceType"/> (the case's, e.g. "ransomware")
/// keeps instruments limited to other offences out of the routes.
/// </summary>
public sealed record DraftInput(
    string? CaseReference,
    string RequestingState,
    IReadOnlyList<TraceFinding> Findings,
    IReadOnlyList<string> Measures,
    bool Urgent,
    string Language = "en",
    string? RequestingAuthority = null,
    string? OffenceSummary = null,
    string? OffenceType = null);
