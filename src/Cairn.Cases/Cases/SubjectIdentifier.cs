namespace Cairn.Cases.Cases;

/// <summary>An identifier of a subject: its kind (one of <see cref="IdentifierKinds.All"/>, e.g. passport, iban, email) and value as written on the source document.</summary>
public sealed record SubjectIdentifier(string Kind, string Value);
