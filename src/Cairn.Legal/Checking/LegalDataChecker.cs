using Cairn.Legal.Reference;

namespace Cairn.Legal.Checking;

/// <summary>
/// Checks the loaded reference data beyond what loading rejects (`cairn legal check`, and a test over the
/// embedded data): every party has a source and its dates in order; a complete list holds exactly the
/// depositary's count; every rule, content item and declaration cites an article; no State twice in one
/// list; a treaty between two hubs has the same dates in both files; every form field is worded in each of
/// the form's languages. One line per problem, naming the file.
/// </summary>
public static class LegalDataChecker
{
    public static IReadOnlyList<string> Check(LegalReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var problems = new List<string>();
        foreach (var instrument in reference.Instruments.OrderBy(i => i.Id, StringComparer.Ordinal))
        {
            var file = instrument.DataFile ?? $"instrument {instrument.Id}";
            void Problem(string text) => problems.Add($"{file}: {text}");
            CheckInstrumentDates(instrument, Problem);
            foreach (var duplicate in instrument.Parties.GroupBy(p => p.State).Where(g => g.Count() > 1))
                Problem($"{duplicate.Key} is listed {duplicate.Count()} times");
            foreach (var party in instrument.Parties) PartyChecks.Check(party, Problem);
            CheckCount(reference, instrument, Problem);
            // An informal network has no legal text to cite: its rules name the network's own terms instead.
            foreach (var rule in instrument.Rules.Where(r => !instrument.Informal && !r.Informal))
            {
                bool Cites(string citation) => CitesArticle(citation) || (!rule.Verified && SaysNotRead(citation));
                if (!Cites(rule.Citation)) Problem($"rule {rule.Id} cites no article ('{rule.Citation}')");
                foreach (var item in rule.RequiredContents.Concat(rule.RefusalGrounds).Concat(rule.Conditions).Where(i => !Cites(i.Citation)))
                    Problem($"rule {rule.Id} item {item.Id} cites no article ('{item.Citation}')");
                foreach (var deadline in rule.Deadlines.Where(d => !Cites(d.Citation)))
                    Problem($"rule {rule.Id} deadline {deadline.Id} cites no article ('{deadline.Citation}')");
            }
            CheckHubPairs(reference, instrument, Problem);
        }
        foreach (var form in reference.Forms.OrderBy(f => f.Id, StringComparer.Ordinal))
            foreach (var language in form.Languages)
                foreach (var field in form.Fields.Where(f => !f.Label.Has(language)))
                    problems.Add($"forms/{form.Id}.yaml: field {field.Id} has no '{language}' wording");
        foreach (var contact in reference.Jurisdictions.SelectMany(j => j.Contacts).Where(c => string.IsNullOrWhiteSpace(c.AsOf)))
            problems.Add($"contacts: {contact.State} {contact.Role} has no as_of date");
        return problems;
    }

    /// <summary>A citation names an article (or paragraph, annex, recital, principle) when it has a number or the word "article".</summary>
    internal static bool CitesArticle(string citation) =>
        citation.Any(char.IsAsciiDigit) || citation.Contains("article", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// An unverified rule may cite the text it rests on while saying the article number was not read (e.g. a
    /// statute "section not read"): the gap is then explicit, flagged on every route option.
    /// </summary>
    internal static bool SaysNotRead(string citation) => citation.Contains("not read", StringComparison.OrdinalIgnoreCase);

    private static void CheckInstrumentDates(Instrument instrument, Action<string> problem)
    {
        if (instrument.EntryIntoForce is { } start && instrument.AppliesFrom is { } from && from < start)
            problem($"applies_from {from:yyyy-MM-dd} is before entry_into_force {start:yyyy-MM-dd}");
    }

    /// <summary>
    /// A complete list must hold the depositary's count on its date (a partial list is known to fall short).
    /// An informal network has no depositary; every other complete list needs the count to be checked.
    /// </summary>
    private static void CheckCount(LegalReference reference, Instrument instrument, Action<string> problem)
    {
        if (!instrument.IsComplete || instrument.Membership != Memberships.Listed) return;
        if (instrument.Depositary is { } depositary)
        {
            var listed = PartyCount.On(instrument, depositary.CountAsOf, reference);
            if (listed != depositary.Count)
                problem($"{listed} parties listed on {depositary.CountAsOf:yyyy-MM-dd}, but the depositary ({depositary.Name}) counts {depositary.Count}");
        }
        else if (!instrument.Informal)
            problem("the party list is complete but has no depositary count to check it against");
    }

    /// <summary>A treaty between two hub States appears in both hubs' files: its dates must agree.</summary>
    private static void CheckHubPairs(LegalReference reference, Instrument instrument, Action<string> problem)
    {
        if (instrument.Membership != Memberships.BilateralHub) return;
        foreach (var other in reference.Instruments.Where(i => i.Membership == Memberships.BilateralHub && i.Hub != instrument.Hub && string.CompareOrdinal(i.Id, instrument.Id) > 0))
        {
            var here = instrument.Parties.FirstOrDefault(p => p.State == other.Hub);
            var there = other.Parties.FirstOrDefault(p => p.State == instrument.Hub);
            if (here is null || there is null) continue;
            if (here.InForce != there.InForce || here.Terminated != there.Terminated)
                problem($"the {instrument.Hub}–{other.Hub} treaty has different dates here and in {other.DataFile ?? other.Id}");
        }
    }
}
