namespace Cairn.Legal.Reference;

/// <summary>One State's participation in an instrument, with dates where a source gave them.</summary>
public sealed record InstrumentParty(
    string State,
    DateOnly? Signature,
    DateOnly? Ratification,
    DateOnly? InForce,
    bool Verified,
    IReadOnlyList<string> Reservations,
    string? Note,
    string? Source);
