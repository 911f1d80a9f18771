namespace Cairn.Workspace.Legal;

/// <summary>A move of a request to a new status, when it happened (default now), a note, and the refusal ground when refused.</summary>
public sealed record StatusRequest(string? To, DateTimeOffset? At, string? Note, string? Ground);
