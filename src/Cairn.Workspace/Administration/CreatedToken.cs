namespace Cairn.Workspace.Administration;

/// <summary>A new API token with its secret: the only time the secret is shown.</summary>
public sealed record CreatedToken(string Id, string Name, DateTimeOffset? ExpiresAt, string Secret, string Note);
