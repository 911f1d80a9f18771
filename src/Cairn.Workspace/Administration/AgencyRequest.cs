namespace Cairn.Workspace.Administration;

/// <summary>An agency to register or change: its code (registration only; letters, digits, '.', '_' and '-'), name, State (ISO 3166-1 alpha-2) and kind (police, prosecution, fiu, aro, court).</summary>
public sealed record AgencyRequest(string? Code, string? Name, string? State, string? Kind);
