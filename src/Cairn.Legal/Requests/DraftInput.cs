namespace Cairn.Legal.Requests;

/// <summary>
/// What an investigator supplies to draft requests from a trace; optional texts left null stay
/// missing for the completeness check. <paramref name="OffenceType"/> (the case's, e.g. "ransomware")
/// keeps instruments limited to other offences out of the routes. <paramref name="Language"/> null lets
/// the drafter choose a language the addressee accepts. <paramref name="RuleId"/> or
/// <paramref name="RouteRank"/> choose the route (default: the best-ranked legal basis);
/// <paramref name="On"/> is the date routes are judged on (default today).
/// </summary>
public sealed record DraftInput(
    string? CaseReference,
    string RequestingState,
    IReadOnlyList<TraceFinding> Findings,
    IReadOnlyList<string> Measures,
    bool Urgent,
    string? Language = null,
    string? RequestingAuthority = null,
    string? OffenceSummary = null,
    string? OffenceType = null,
    string? RuleId = null,
    int? RouteRank = null,
    DateOnly? On = null);
