namespace Cairn.Workspace.Cases;

/// <summary>A note to add to a case; <c>version</c> guards against lost updates.</summary>
public sealed record NoteRequest(string? Text, long? Version);
