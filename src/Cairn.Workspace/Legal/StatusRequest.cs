namespace Cairn.Workspace.Legal;

/// <summary>
/// A move of a request to a new status: when it happened (default now; back-dating allowed, never in the future),
/// a note, the refusal ground when refused, and the requested State's reference for the request when it gave one.
/// </summary>
public sealed record StatusRequest(string? To, DateTimeOffset? At, string? Note, string? Ground, string? ForeignReference = null);
