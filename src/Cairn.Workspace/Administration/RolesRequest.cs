namespace Cairn.Workspace.Administration;

/// <summary>The roles an account gets (replacing its current ones).</summary>
public sealed record RolesRequest(IReadOnlyList<string>? Roles);
