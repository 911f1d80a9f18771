namespace Cairn.Workspace.Administration;

/// <summary>An API token to create: a name and how many days it is valid (1–3650; default 90).</summary>
public sealed record TokenRequest(string? Name, int? ValidDays);
