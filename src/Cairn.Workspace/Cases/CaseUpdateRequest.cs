namespace Cairn.Workspace.Cases;

/// <summary>A case's new title and offence type (with its description for "other"); <c>version</c> guards against lost updates.</summary>
public sealed record CaseUpdateRequest(string? Title, string? OffenceType, string? OffenceDetail, long? Version);
