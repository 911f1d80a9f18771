namespace Cairn.Workspace.Legal;

/// <summary>Unsaved edits (content item id → text) to check a stored request with, writing nothing.</summary>
public sealed record CheckRequest(Dictionary<string, string>? Contents);
