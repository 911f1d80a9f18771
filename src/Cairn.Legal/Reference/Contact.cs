namespace Cairn.Legal.Reference;

/// <summary>
/// An authority of a State in one role, designated in general or under one instrument (e.g. Germany's
/// central authority under ETS 185 Art 27(2)(a)), with the languages it accepts under that instrument.
/// </summary>
public sealed record Contact(
    string State,
    string Role,
    string? InstrumentId,
    string Name,
    string? Address,
    IReadOnlyList<string> Languages,
    string? Citation,
    bool Verified,
    string Source,
    string AsOf);
