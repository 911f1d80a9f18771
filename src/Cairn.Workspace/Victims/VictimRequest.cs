namespace Cairn.Workspace.Victims;

/// <summary>A victim as people give it: the name the case knows them by (required) and details (contact point, how they were defrauded).</summary>
public sealed record VictimRequest(string? Name, string? Details);
