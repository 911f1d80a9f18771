namespace Cairn.Legal.Requests;

/// <summary>One step in a request's history: a status change or a rendering, with when and why.</summary>
public sealed record RequestEvent(DateTimeOffset At, string Action, RequestStatus Status, string? Note);
