namespace Cairn.Cases.Cases;

/// <summary>A person or organisation the case is about (suspect, victim, witness, company).</summary>
public sealed record CaseSubject(SubjectKind Kind, string Name, string Details);
