namespace Cairn.Workspace.Watching;

/// <summary>Drafting the urgent request an alert proposes: the requesting State, and the measure (preservation or freeze; default: the proposal's).</summary>
public sealed record AlertDraftRequest(string? From, string? Measure = null, string? Authority = null);
