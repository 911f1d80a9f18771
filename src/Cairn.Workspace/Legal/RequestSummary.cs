using Cairn.Legal.Requests;

namespace Cairn.Workspace.Legal;

/// <summary>
/// A request in lists: type, States, measure, status, legal basis, channel, language, addressee (in words), the
/// official form it is rendered on and the rank of its route, whether complete, the next deadline and whether any is overdue;
/// its instrument, the requested State's reference and the trace it was drafted from.
/// </summary>
public sealed record RequestSummary(string Id, string? CaseReference, string RequestType, string RequestingState, string RequestedState, string Measure, string Status,
    string LegalBasis, string Channel, bool Urgent, string RuleId, string Language, string? Addressee, string? FormId, int RouteRank, bool Complete,
    ComputedDeadline? NextDeadline, bool Overdue)
{
    public string InstrumentId { get; init; } = "";

    public string? ForeignReference { get; init; }

    public string? SourceTraceId { get; init; }
}
