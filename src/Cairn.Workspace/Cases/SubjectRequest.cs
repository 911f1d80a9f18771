namespace Cairn.Workspace.Cases;

/// <summary>A subject to add or change: person or organisation, its role (suspect, victim, witness, other), name, details and identifiers; <c>version</c> guards against lost updates.</summary>
public sealed record SubjectRequest(string? Kind, string? Role, string? Name, string? Details, IReadOnlyList<IdentifierRequest>? Identifiers, long? Version);
