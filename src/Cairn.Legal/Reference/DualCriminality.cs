namespace Cairn.Legal.Reference;

/// <summary>Whether the requested State may require the conduct to be an offence in its law too, and under which article.</summary>
public sealed record DualCriminality(string Rule, string Note, string Citation);
