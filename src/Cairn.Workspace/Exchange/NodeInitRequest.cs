namespace Cairn.Workspace.Exchange;

/// <summary>This installation's node: the id partners know it by, a display name, the State (ISO 3166-1 alpha-2) and the base URL partners deliver to; the agency is the acting user's.</summary>
public sealed record NodeInitRequest(string? Id, string? Name, string? Country, string? Endpoint);
