using Cairn.Legal.Reference;

namespace Cairn.Legal.Routing;

/// <summary>
/// Orders the options and says why when the order departs from specificity:
/// 1. formal before informal (an informal network is never a legal basis: it ranks last);
/// 2. party status: options whose parties are listed before those resting on a partial list;
/// 3. precedence: a rule that applies only where no treaty binds the pair (ETS 185 Art 27(1) and 28(1);
///    UNTOC Art 18(7); UNCAC Art 46(7): <c>subsidiary_to</c>) ranks after, when a bilateral treaty (or another
///    MLA treaty with a rule for the measure) binds the pair;
/// 4. specificity (5 mutual recognition or direct order … 1 general MLA article);
/// 5. the instrument's precedence number, when the data gives one (lower first);
/// 6. the fastest fixed obligation (hours); 7. verified before unverified; 8. for the same bilateral
///    treaty recorded in both hubs' files, the requested State's file first; 9. instrument and rule id.
/// </summary>
internal static class RouteRanking
{
    public static List<RouteOption> Rank(List<(Candidate Candidate, LegalRule Rule, RouteOption Option)> built, string requested, List<string> notes)
    {
        var ranked = built.Select(b => (b.Candidate, b.Rule, b.Option, Subordinate: SubordinateTo(b, built))).ToList();
        foreach (var (_, rule, option, by) in ranked.Where(r => r.Subordinate is not null))
            notes.Add($"{rule.Citation} ({rule.Id}) applies only where no mutual assistance treaty binds the pair: ranked after the {by}");
        NoteDuplicateTreaties(built, notes);
        return ranked
            .OrderBy(r => r.Option.Informal ? 1 : 0)
            .ThenBy(r => r.Option.PartiesConfirmed ? 0 : 1)
            .ThenBy(r => r.Subordinate is null ? 0 : 1)
            .ThenByDescending(r => r.Rule.Specificity)
            .ThenBy(r => r.Candidate.Instrument.Precedence ?? int.MaxValue)
            .ThenBy(r => FastestHours(r.Option))
            .ThenBy(r => r.Option.Verified ? 0 : 1)
            .ThenBy(r => r.Candidate.Instrument.Hub == requested ? 0 : 1)
            .ThenBy(r => r.Candidate.Instrument.Id, StringComparer.Ordinal)
            .ThenBy(r => r.Rule.Id, StringComparer.Ordinal)
            .Select((r, index) => r.Option with
            {
                Rank = index + 1,
                RankNote = r.Option.Informal
                    ? "informal channel: not a legal basis, ranked last"
                    : r.Subordinate is { } by ? $"applies only where no mutual assistance treaty binds the pair: ranked after the {by}" : null,
            })
            .ToList();
    }

    /// <summary>The shortest fixed obligation of the option (its deadlines are already those of the request's urgency); none sorts last.</summary>
    private static double FastestHours(RouteOption option) =>
        option.Deadlines.Where(d => d.Kind == "obligation").Select(d => d.Length.TotalHours).DefaultIfEmpty(double.MaxValue).Min();

    /// <summary>The instrument whose binding makes a subsidiary rule step back, or null when the rule keeps its place.</summary>
    private static string? SubordinateTo((Candidate Candidate, LegalRule Rule, RouteOption Option) option, List<(Candidate Candidate, LegalRule Rule, RouteOption Option)> all)
    {
        if (option.Rule.SubsidiaryTo.Count == 0) return null;
        var others = all.Where(o => o.Candidate.Instrument.Id != option.Candidate.Instrument.Id && o.Candidate.Confirmed && !o.Option.Informal).ToList();
        if (option.Rule.SubsidiaryTo.Contains("bilateral") || option.Rule.SubsidiaryTo.Contains("treaty"))
        {
            var bilateral = others.FirstOrDefault(o => o.Candidate.Instrument.Membership == Memberships.BilateralHub);
            if (bilateral.Candidate is not null) return bilateral.Candidate.Instrument.ShortTitle;
        }
        if (option.Rule.SubsidiaryTo.Contains("treaty"))
        {
            var treaty = others.FirstOrDefault(o => o.Rule.SubsidiaryTo.Count == 0);
            if (treaty.Candidate is not null) return treaty.Candidate.Instrument.ShortTitle;
        }
        return null;
    }

    private static void NoteDuplicateTreaties(List<(Candidate Candidate, LegalRule Rule, RouteOption Option)> built, List<string> notes)
    {
        var hubs = built.Select(b => b.Candidate.Instrument).Where(i => i.Membership == Memberships.BilateralHub).DistinctBy(i => i.Id).ToList();
        if (hubs.Count > 1)
            notes.Add($"the same bilateral treaty is recorded in {string.Join(" and ", hubs.Select(h => h.ShortTitle))} (one file per hub State)");
    }
}
