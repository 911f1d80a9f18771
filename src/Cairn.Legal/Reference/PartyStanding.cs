namespace Cairn.Legal.Reference;

/// <summary>
/// A State's standing toward an instrument on a date, with the date that decides it (entry into force,
/// withdrawal, suspension…) and the party entry it comes from (null for EU membership or absence).
/// </summary>
public sealed record PartyStanding(PartyStandingKind Kind, DateOnly? Since, InstrumentParty? Party)
{
    public bool IsBound => Kind == PartyStandingKind.Bound;

    public static PartyStanding NotParty { get; } = new(PartyStandingKind.NotParty, null, null);

    public static PartyStanding Unknown { get; } = new(PartyStandingKind.Unknown, null, null);

    /// <summary>A dependent territory absent from a list complete as to States: its sovereign's territorial application is not recorded.</summary>
    public static PartyStanding TerritoryUnknown { get; } = new(PartyStandingKind.Unknown, null, null) { IsTerritory = true };

    public bool IsTerritory { get; init; }

    /// <summary>Why a State that is not bound is not, in words: "XX is not a party to the Budapest Convention".</summary>
    public string Explain(string state, string instrumentName) => Kind switch
    {
        PartyStandingKind.NotParty => $"{state} is not a party to {instrumentName}",
        PartyStandingKind.Unknown when IsTerritory =>
            $"{RouteWords.PartyStatusUnverifiedText}: {state} is a territory; the {instrumentName} list is complete as to States but territorial applications are not recorded",
        PartyStandingKind.Unknown => $"{RouteWords.PartyStatusUnverifiedText}: {state} is not in the {instrumentName} party list, which is partial",
        PartyStandingKind.SignatoryOnly => $"{state} signed {instrumentName}{On(Since)} but has not consented to be bound",
        PartyStandingKind.NotYetInForce => $"{instrumentName} enters into force for {state} only on {Since:yyyy-MM-dd}",
        PartyStandingKind.Withdrawn => $"{state} withdrew from {instrumentName}, effective {Since:yyyy-MM-dd}",
        PartyStandingKind.Suspended => $"{instrumentName} is suspended for {state} since {Since:yyyy-MM-dd}{Why()}",
        PartyStandingKind.Terminated => $"{instrumentName} with {state} was terminated on {Since:yyyy-MM-dd}",
        _ => $"{state} is bound by {instrumentName}",
    };

    private static string On(DateOnly? date) => date is { } d ? $" on {d:yyyy-MM-dd}" : "";

    private string Why()
    {
        var note = Party?.Suspensions.FirstOrDefault(s => s.From == Since)?.Note;
        return string.IsNullOrWhiteSpace(note) ? "" : $" ({note})";
    }
}
