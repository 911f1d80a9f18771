using Cairn.Core;
using Cairn.Legal.Reference;

namespace Cairn.Legal.Routing;

/// <summary>
/// Finds the instruments that bind a pair of States for a measure on a date and ranks their rules.
/// Judged on the date: entry into force for each State, withdrawals, suspensions, terminated treaties,
/// instruments not in force and EU acts not yet applicable (the EIO applies from 22 May 2017, Directive
/// 2014/41/EU Art 36(1)). On a complete party list absence means "not a party" (said in the notes); a
/// partial list proves nothing, so its instrument stays a candidate marked "party status unverified (list
/// partial)". Left out with a note: instruments limited to other offences (UNCAC Art 3(1)), instruments
/// superseded between the two States (ETS 030 and the 2000 Convention by the EIO, Directive 2014/41/EU
/// Art 34(1), except the rules the supersession keeps, such as joint investigation teams), and rules a
/// party's reservation excludes. Ranking: <see cref="RouteRanking"/>.
/// </summary>
public sealed class RouteFinder
{
    /// <summary>Earliest date a route is judged on: the modelled instruments start with ETS 030 (1959).</summary>
    public static readonly DateOnly EarliestDate = new(1950, 1, 1);

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
        var on = query.On ?? DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        if (on < EarliestDate) throw new ValidationException("on", $"date {on:yyyy-MM-dd} is before {EarliestDate:yyyy-MM-dd}: routes are judged from 1950 on");

        var screen = new InstrumentScreen(_reference, requesting, requested, measure, on);
        screen.Run();
        var notes = screen.Notes;
        var applicable = new List<Candidate>();
        foreach (var candidate in screen.Candidates)
        {
            if (!candidate.Instrument.Covers(query.OffenceType))
                notes.Add($"{candidate.Instrument.ShortTitle} {Verb(candidate)} both states but applies only to {string.Join(", ", candidate.Instrument.OffenceScope)}, not '{query.OffenceType}' ({candidate.Instrument.OffenceScopeCitation})");
            else
                applicable.Add(candidate);
        }

        var kept = Supersede(applicable, notes);
        NoteSupplements(applicable, kept, notes);
        var builder = new OptionBuilder(_reference, requesting, requested, measure, query.Urgent, on);
        var built = new List<(Candidate Candidate, LegalRule Rule, RouteOption Option)>();
        var withoutRule = new List<string>();
        foreach (var candidate in applicable)
        {
            var rules = candidate.Instrument.Rules.Where(r => r.Covers(measure) && (!r.UrgentOnly || query.Urgent) && kept(candidate.Instrument, r)).ToList();
            if (candidate.Confirmed && !query.Urgent && rules.Count == 0 && candidate.Instrument.Rules.Any(r => r.Covers(measure) && r.UrgentOnly && kept(candidate.Instrument, r)))
                notes.Add($"{candidate.Instrument.ShortTitle} binds both states but has only urgent rules for '{measure}' (ask for an urgent request to see them)");
            else if (candidate.Confirmed && !candidate.Instrument.Rules.Any(r => r.Covers(measure)))
                withoutRule.Add(candidate.Instrument.ShortTitle);
            foreach (var rule in rules)
            {
                if (builder.Exclusion(candidate, rule) is { } excluded) notes.Add(excluded);
                else built.Add((candidate, rule, builder.Build(candidate, rule)));
            }
        }

        if (withoutRule.Count > 0) notes.Add($"also binding both states, without a rule for '{measure}': {string.Join(", ", withoutRule)}");
        var options = RouteRanking.Rank(built, requested, notes);
        return new RouteResult(requesting, requested, measure, query.Urgent, on, options, Fallback(screen.Candidates, applicable, options, measure), notes);
    }

    /// <summary>
    /// Drops rules of instruments replaced between the two States by a binding instrument (EIO Art 34;
    /// Reg 2018/1805 Art 39 for FD 2003/577 and 2006/783), keeping each supersession's except_rules. Where
    /// two instruments replace the same one (the EIO for evidence, Reg 2018/1805 for property, both over FD
    /// 2003/577), a rule stays only if every replacing instrument keeps it.
    /// </summary>
    private static Func<Instrument, LegalRule, bool> Supersede(List<Candidate> applicable, List<string> notes)
    {
        var replacing = applicable.Where(c => c.Confirmed && !c.Instrument.Informal)
            .SelectMany(c => c.Instrument.Supersedes.Select(s => (By: c.Instrument, Supersession: s)))
            .ToList();
        var removed = new HashSet<(string Instrument, string Rule)>();
        foreach (var candidate in applicable)
        {
            var by = replacing.Where(r => r.Supersession.Instrument == candidate.Instrument.Id).ToList();
            if (by.Count == 0) continue;
            foreach (var rule in candidate.Instrument.Rules.Where(r => by.Any(b => !b.Supersession.ExceptRules.Contains(r.Id, StringComparer.Ordinal))))
                removed.Add((candidate.Instrument.Id, rule.Id));
            var kept = candidate.Instrument.Rules.Where(r => !removed.Contains((candidate.Instrument.Id, r.Id))).Select(r => r.Id).ToList();
            notes.Add($"{candidate.Instrument.ShortTitle} {Verb(candidate)} both states but is replaced between them by the "
                + string.Join(" and the ", by.Select(b => $"{b.By.ShortTitle} ({b.Supersession.Citation})"))
                + (kept.Count > 0 ? $", except {string.Join(", ", kept)}, which stay available" : ""));
        }
        return (instrument, rule) => !removed.Contains((instrument.Id, rule.Id));
    }

    /// <summary>Says which instruments supplement one another between the States (both stay in use), unless one is replaced.</summary>
    private static void NoteSupplements(List<Candidate> applicable, Func<Instrument, LegalRule, bool> kept, List<string> notes)
    {
        bool InUse(Instrument instrument) => instrument.Rules.Count == 0 || instrument.Rules.Any(r => kept(instrument, r));
        foreach (var candidate in applicable.Where(c => c.Confirmed && InUse(c.Instrument)))
            foreach (var supplemented in candidate.Instrument.Supplements)
                if (applicable.FirstOrDefault(c => c.Instrument.Id == supplemented && c.Confirmed) is { } other && InUse(other.Instrument))
                    notes.Add($"{candidate.Instrument.ShortTitle} supplements the {other.Instrument.ShortTitle} between these states: both apply together");
    }

    private static string? Fallback(List<Candidate> screened, List<Candidate> applicable, IReadOnlyList<RouteOption> options, string measure)
    {
        var formal = options.Where(o => !o.Informal).ToList();
        if (formal.Count > 0) return formal.Any(o => o.PartiesConfirmed) ? null : RouteResult.UnconfirmedOnlyFallback;
        if (options.Count > 0) return RouteResult.InformalOnlyFallback;
        if (!screened.Any(c => !c.Instrument.Informal)) return RouteResult.NoInstrumentFallback;
        return $"no instrument {(applicable.Any(c => c.Confirmed) ? "binding" : "known to bind")} both states covers '{measure}': reciprocity or letters rogatory remain";
    }

    private static string Verb(Candidate candidate) => candidate.Confirmed ? "binds" : "may bind";
}
