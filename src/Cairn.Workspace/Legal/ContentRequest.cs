namespace Cairn.Workspace.Legal;

/// <summary>The text of one content item of a draft; <c>version</c> guards against lost updates.</summary>
public sealed record ContentRequest(string? Text, long? Version);
