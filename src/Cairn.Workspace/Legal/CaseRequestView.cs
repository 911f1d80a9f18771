namespace Cairn.Workspace.Legal;

/// <summary>
/// A request of any agency for a case, as agencies working the case see it (deconfliction): who drafted it, to which State,
/// for what, its status and when it was drafted and sent; <c>own</c> when the viewing agency drafted it.
/// </summary>
public sealed record CaseRequestView(string Id, string Agency, bool Own, string RequestedState, string Measure, string RequestType, string Status,
    DateTimeOffset? DraftedAt, DateTimeOffset? SentAt, string? SourceTraceId);
