using Cairn.Legal.Reference;

namespace Cairn.Legal.Routing;

/// <summary>
/// Decides, for each instrument, whether it binds both States on the date (or may bind them, on a
/// partial list) and otherwise says why not, in words: "XX is not a party to …", withdrawn, suspended,
/// signed only, not yet in force for a State, instrument not in force, EU act not yet applicable.
/// Notes are given for instruments that have a rule for the measure (the others are beside the point).
/// </summary>
internal sealed class InstrumentScreen(LegalReference reference, string requesting, string requested, string measure, DateOnly on)
{
    public List<Candidate> Candidates { get; } = [];

    public List<string> Notes { get; } = [];

    public void Run()
    {
        foreach (var instrument in reference.Instruments.OrderBy(i => i.Id, StringComparer.Ordinal))
            Screen(instrument);
    }

    private void Screen(Instrument instrument)
    {
        if (!instrument.CanPair(requesting, requested, reference.IsEuMember)) return;
        var relevant = instrument.Rules.Any(r => r.Covers(measure));
        var a = instrument.StandingOn(requesting, on, reference.IsEuMember, reference.IsTerritory);
        var b = instrument.StandingOn(requested, on, reference.IsEuMember, reference.IsTerritory);
        var possible = a.Kind is PartyStandingKind.Bound or PartyStandingKind.Unknown && b.Kind is PartyStandingKind.Bound or PartyStandingKind.Unknown;
        if (!possible)
        {
            if (relevant) NoteNotBound(instrument, (requesting, a), (requested, b));
            return;
        }
        var confirmed = a.IsBound && b.IsBound;
        if (!instrument.InForceOn(on))
        {
            if (!instrument.InForce)
            {
                if (instrument.ListsBoth(requesting, requested)) Notes.Add($"{instrument.ShortTitle} lists both states but is not in force ({instrument.EntryIntoForceCitation})");
            }
            else if (relevant)
                Notes.Add($"{instrument.ShortTitle} enters into force only on {instrument.EntryIntoForce:yyyy-MM-dd}, after {on:yyyy-MM-dd} ({instrument.EntryIntoForceCitation})");
            return;
        }
        if (!instrument.AppliesOn(on))
        {
            if (relevant) Notes.Add($"{instrument.ShortTitle} applies only from {instrument.AppliesFrom:yyyy-MM-dd}, after {on:yyyy-MM-dd} ({instrument.AppliesFromCitation})");
            return;
        }
        Candidates.Add(new Candidate(instrument, confirmed, a, b));
    }

    private void NoteNotBound(Instrument instrument, params (string State, PartyStanding Standing)[] sides)
    {
        foreach (var (state, standing) in sides.Where(s => s.Standing.Kind is not (PartyStandingKind.Bound or PartyStandingKind.Unknown)))
        {
            if (instrument.Membership is Memberships.EuMembersExcept or Memberships.EuWithPartner && standing.Party is null)
            {
                // EU acts: only worth saying for a Member State left out (Denmark, Ireland) or when the other State is bound.
                if (instrument.Excluded.Contains(state, StringComparer.Ordinal))
                    Notes.Add($"{state} is not bound by the {instrument.ShortTitle} ({instrument.ExcludedCitation?.Trim() ?? "excluded"})");
                else if (sides.Any(s => s.State != state && s.Standing.IsBound) && instrument.Membership == Memberships.EuMembersExcept)
                    Notes.Add($"{state} is not an EU Member State bound by the {instrument.ShortTitle}");
                continue;
            }
            if (instrument.Membership == Memberships.BilateralHub && standing.Kind == PartyStandingKind.NotParty)
            {
                Notes.Add($"no bilateral treaty between {instrument.Hub} and {state} is recorded in the {instrument.ShortTitle} list (complete)");
                continue;
            }
            Notes.Add(standing.Explain(state, instrument.ShortTitle));
        }
    }
}
