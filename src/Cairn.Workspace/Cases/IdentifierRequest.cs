namespace Cairn.Workspace.Cases;

/// <summary>One identifier of a subject: its kind (passport, iban, email…) and value.</summary>
public sealed record IdentifierRequest(string? Kind, string? Value);
