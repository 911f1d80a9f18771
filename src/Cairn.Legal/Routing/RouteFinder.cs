using Cairn.Core;
using Cairn.Legal.Reference;

namespace Cairn.Legal.Routing;

/// <summary>
/// Finds the instruments that bind a pair of States for a measure and ranks their rules:
/// most specific first (mutual recognition or direct order, 5, before general MLA, 1), then the
/// fastest fixed deadline, then verified before unverified, then instrument id for a stable order.
/// Instruments whose partial party list lacks one of the States come after all of those, marked
/// "party status unverified (list partial)": absence from an incomplete list is not proof of absence.
/// An instrument limited to certain offences (UNCAC Art 3(1)) is left out, with a note, when the
/// query's offence type is outside them. An instrument superseded between the two States (e.g. ETS 030 by the EIO, Directive 2014/41/EU
/// Art 34(1)) is left out with a note.
/// </summary>
public sealed class RouteFinder
{
    private readonly LegalReference _reference;
    private readonly TimeProvider _time;

    public RouteFinder(LegalReference reference, TimeProvider time)
    {
        _reference = reference;
        _time = time;
    }

    public RouteResult Find(RouteQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var requesting = _reference.Jurisdiction(query.RequestingState).Code;
        var requested = _reference.Jurisdiction(query.RequestedState).Code;
        if (requesting == requested) throw new CairnException($"requesting and requested state are both '{requesting}': cross-border routes need two states");
        var measure = Measures.Parse(query.Measure);
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var notes = new List<string>();

        var binding = _reference.Instruments.Where(i => i.Binds(requesting, requested, today, _reference.IsEuMember)).ToList();
        // A partial party list proves nothing about a State it leaves out: such instruments stay
        // candidates, marked unconfirmed, instead of letting us conclude "no instrument binds both".
        var possible = _reference.Instruments.Where(i => i.MayBind(requesting, requested, today, _reference.IsEuMember)).ToList();
        foreach (var dormant in _reference.Instruments.Where(i => !i.InForce && i.ListsBoth(requesting, requested)))
            notes.Add($"{dormant.ShortTitle} lists both states but is not in force ({dormant.EntryIntoForceCitation})");

        var superseding = binding.SelectMany(i => i.Supersedes.Select(s => (By: i, s.Instrument, s.Citation))).ToList();
        var applicable = new List<(Instrument Instrument, bool Confirmed)>();
        foreach (var (instrument, confirmed) in binding.Select(i => (i, true)).Concat(possible.Select(i => (i, false))))
        {
            var replaced = superseding.FirstOrDefault(s => s.Instrument == instrument.Id);
            if (!instrument.Covers(query.OffenceType))
                notes.Add($"{instrument.ShortTitle} {(confirmed ? "binds" : "may bind")} both states but applies only to {string.Join(", ", instrument.OffenceScope)}, not '{query.OffenceType}' ({instrument.OffenceScopeCitation})");
            else if (replaced.By is not null)
                notes.Add($"{instrument.ShortTitle} {(confirmed ? "binds" : "may bind")} both states but is replaced between them by the {replaced.By.ShortTitle} ({replaced.Citation})");
            else
                applicable.Add((instrument, confirmed));
        }

        var candidates = new List<(Instrument Instrument, LegalRule Rule, bool Confirmed)>();
        foreach (var (instrument, confirmed) in applicable)
        {
            var rules = instrument.Rules.Where(r => r.Covers(measure) && (!r.UrgentOnly || query.Urgent)).ToList();
            if (rules.Count == 0 && confirmed)
                notes.Add($"{instrument.ShortTitle} binds both states but has no rule for '{measure}'{(query.Urgent ? "" : " (urgent-only rules not considered)")}");
            candidates.AddRange(rules.Select(r => (instrument, r, confirmed)));
        }

        var options = candidates
            .Select(c => (c.Instrument, c.Rule, c.Confirmed, Unverified: UnverifiedFacts(c.Instrument, c.Rule, requesting, requested, today)))
            .OrderBy(c => c.Confirmed ? 0 : 1)
            .ThenByDescending(c => c.Rule.Specificity)
            .ThenBy(c => FastestHours(c.Rule, query.Urgent))
            .ThenBy(c => c.Unverified.Count == 0 ? 0 : 1)
            .ThenBy(c => c.Instrument.Id, StringComparer.Ordinal)
            .ThenBy(c => c.Rule.Id, StringComparer.Ordinal)
            .Select((c, index) => ToOption(index + 1, c.Instrument, c.Rule, measure, query.Urgent, requesting, requested, today, c.Unverified, c.Confirmed))
            .ToList();

        string? fallback = null;
        if (binding.Count == 0 && possible.Count == 0) fallback = RouteResult.NoInstrumentFallback;
        else if (options.Count == 0)
            fallback = $"no instrument {(binding.Count == 0 ? "known to bind" : "binding")} both states covers '{measure}': reciprocity or letters rogatory remain";
        else if (!options.Any(o => o.PartiesConfirmed)) fallback = RouteResult.UnconfirmedOnlyFallback;
        return new RouteResult(requesting, requested, measure, query.Urgent, today, options, fallback, notes);
    }

    /// <summary>The shortest fixed obligation in hours; rules with none sort after those with one.</summary>
    internal static double FastestHours(LegalRule rule, bool urgent) =>
        rule.DeadlinesFor(urgent).Where(d => d.Kind == "obligation").Select(d => d.Length.TotalHours).DefaultIfEmpty(double.MaxValue).Min();

    private List<string> UnverifiedFacts(Instrument instrument, LegalRule rule, string requesting, string requested, DateOnly today)
    {
        var facts = new List<string>();
        if (!rule.Verified) facts.Add($"rule {rule.Id} ({rule.Citation}) not verified against the text");
        foreach (var state in new[] { requesting, requested })
        {
            var party = instrument.PartyOn(state, today, _reference.IsEuMember);
            if (party is null)
                facts.Add($"{RouteOption.PartyStatusUnverifiedText}: {state} is not in the {instrument.ShortTitle} party list, which is partial");
            else if (!party.Verified)
                facts.Add($"{state} as party to {instrument.ShortTitle} not verified");
        }
        return facts;
    }

    private RouteOption ToOption(int rank, Instrument instrument, LegalRule rule, string measure, bool urgent, string requesting, string requested, DateOnly today, List<string> unverified, bool confirmed)
    {
        var reservations = new[] { requesting, requested }
            .Select(s => (State: s, Party: instrument.PartyOn(s, today, _reference.IsEuMember)))
            .SelectMany(p => (p.Party?.Reservations ?? []).Select(r => $"{p.State}: {r}"))
            .ToList();
        return new RouteOption(rank, instrument.Id, instrument.Title, rule.Id, rule.Title, rule.Channel, rule.RequestType, rule.Specificity,
            rule.Citation, rule.DualCriminality, rule.ContentsFor(measure, urgent).ToList(), rule.DeadlinesFor(urgent).ToList(),
            rule.RefusalGrounds, rule.Conditions, reservations, unverified, confirmed ? RouteOption.PartiesListed : RouteOption.PartyStatusUnverified);
    }
}
