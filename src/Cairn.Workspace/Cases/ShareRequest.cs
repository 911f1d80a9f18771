namespace Cairn.Workspace.Cases;

/// <summary>The agency a case is shared with.</summary>
public sealed record ShareRequest(string? Agency);
