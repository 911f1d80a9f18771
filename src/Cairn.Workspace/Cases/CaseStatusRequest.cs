namespace Cairn.Workspace.Cases;

/// <summary>A case's new status (open, suspended or closed) and why; <c>version</c> guards against lost updates.</summary>
public sealed record CaseStatusRequest(string? Status, long? Version, string? Reason = null);
