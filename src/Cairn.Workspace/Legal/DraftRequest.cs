namespace Cairn.Workspace.Legal;

/// <summary>
/// Requests to draft for a case from one of its saved traces: <c>trace_id</c> names it (when null, the newest trace saved by
/// the drafting agency itself: another agency's trace never becomes the basis silently), the requesting State, the measures,
/// urgency, language (en, fr), requesting authority and offence summary. The offence type is the case's.
/// <c>acknowledge_overlap</c> confirms drafting although requests to the same State exist for the case (deconfliction).
/// </summary>
public sealed record DraftRequest(string? TraceId, string? From, IReadOnlyList<string>? Measures, bool? Urgent, string? Language, string? Authority, string? Offence,
    bool? AcknowledgeOverlap = null);
