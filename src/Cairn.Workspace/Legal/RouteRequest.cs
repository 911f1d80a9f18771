namespace Cairn.Workspace.Legal;

/// <summary>
/// A route query as the CLI and the API take it: requesting and requested State (ISO 3166-1 alpha-2),
/// measure, urgency, the case's offence type, and the date the route is judged on (yyyy-MM-dd, default today).
/// </summary>
public sealed record RouteRequest(string? From, string? To, string? Measure, bool? Urgent = null, string? Offence = null, string? On = null);
