namespace Cairn.Workspace.Cases;

/// <summary>The registered agency a case is shared with and the level: read (default) or contribute (traces, evidence, request drafts).</summary>
public sealed record ShareRequest(string? Agency, string? Level = null);
