namespace Cairn.Workspace.Legal;

/// <summary>
/// Requests to draft for a case from one of its saved traces (the newest when <c>trace_id</c> is
/// null): the requesting State, the measures, urgency, language (en, fr), requesting authority and
/// offence summary. The offence type is the case's.
/// </summary>
public sealed record DraftRequest(string? TraceId, string? From, IReadOnlyList<string>? Measures, bool? Urgent, string? Language, string? Authority, string? Offence);
