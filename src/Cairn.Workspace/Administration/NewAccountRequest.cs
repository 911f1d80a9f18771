namespace Cairn.Workspace.Administration;

/// <summary>An account an admin creates: login, agency, display name and roles (names of <see cref="Cases.Agencies.Role"/>, any case, '_' allowed).</summary>
public sealed record NewAccountRequest(string? Login, string? Agency, string? DisplayName, IReadOnlyList<string>? Roles);
