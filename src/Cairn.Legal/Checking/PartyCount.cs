using Cairn.Legal.Reference;

namespace Cairn.Legal.Checking;

/// <summary>
/// How many parties a list holds on a date, counted as a depositary counts them: every entry that has
/// consented to be bound (ratified, acceded, approved… including those whose entry into force is still
/// pending, and the EU where it is a party) by that date, less those whose withdrawal took effect, and
/// less territorial applications to a non-independent territory (UNCAC for Hong Kong through China's
/// ratification), which the depositary does not count as parties.
/// </summary>
public static class PartyCount
{
    public static int On(Instrument instrument, DateOnly date, LegalReference reference)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(reference);
        return instrument.Parties.Count(p => Counts(p, date) && !IsTerritorialApplication(p, reference));
    }

    private static bool IsTerritorialApplication(InstrumentParty party, LegalReference reference) =>
        party.Territorial is not null && party.State != Memberships.EuropeanUnion && reference.IsKnownState(party.State) && !reference.Jurisdiction(party.State).Independent;

    public static bool Counts(InstrumentParty party, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(party);
        if (!party.HasConsented) return false;
        if (party.Withdrawal is { } withdrawal && withdrawal.Effective <= date) return false;
        if (party.Terminated is { } terminated && terminated <= date) return false;
        var consent = party.Ratification ?? party.MemberSince ?? (party.MemberSinceYear is { } year ? new DateOnly(year, 1, 1) : (DateOnly?)null) ?? party.InForce;
        return consent is not { } given || given <= date;
    }
}
