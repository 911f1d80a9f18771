using Cairn.Cases.Cases;

namespace Cairn.Storage.Cases;

/// <summary>A case shared with the reading agency under a pseudonymised grant, as stored, with its victims as persons (their names are personal data too).</summary>
public sealed record PseudonymisedShare(Case Case, IReadOnlyList<CaseSubject> Victims);
