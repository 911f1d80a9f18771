namespace Cairn.Workspace.Legal;

/// <summary>
/// Requests to draft for a case from one of its saved traces: <c>trace_id</c> names it (when null, the newest trace saved by
/// the drafting agency itself: another agency's trace never becomes the basis silently), the requesting State, the measures,
/// urgency, language (en, fr, de; null: one the addressee accepts), requesting authority and offence summary. The offence type
/// is the case's. <c>to</c> limits the draft to the findings in one requested State; <c>rule_id</c> or <c>route_rank</c> choose
/// the route (default: the best legal basis); <c>on</c> is the date routes are judged on (yyyy-MM-dd, default today).
/// <c>acknowledge_overlap</c> confirms drafting although requests to the same State exist for the case (deconfliction).
/// </summary>
public sealed record DraftRequest(string? TraceId, string? From, IReadOnlyList<string>? Measures, bool? Urgent, string? Language, string? Authority, string? Offence,
    string? To = null, string? RuleId = null, int? RouteRank = null, string? On = null, bool? AcknowledgeOverlap = null);
