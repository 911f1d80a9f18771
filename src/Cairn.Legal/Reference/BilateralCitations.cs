using System.Globalization;
using System.Text;

namespace Cairn.Legal.Reference;

/// <summary>
/// A bilateral hub (all the MLA treaties of one State, one file) has one rule for all its treaties, and its
/// citations name the representative treaties the rule was checked on ("Netherlands-US treaty Art 13(1)(a);
/// Switzerland-US treaty Art 29(1)"). That is right as provenance, wrong in a letter between two other
/// States: a request from Germany to the United States rests on the Germany-US treaty. This rewrites a
/// hub rule for one pair: the legal basis becomes the pair's own treaty (its title and entry into force), and
/// each item cites the pair's treaty's article where the data records it (<see cref="InstrumentParty.CitedAs"/>),
/// else says that the article is not recorded rather than citing another treaty's number.
/// </summary>
public static class BilateralCitations
{
    public const string ArticleNotRecorded = "treaty article not recorded";

    /// <summary>
    /// The partner's treaty entry when <paramref name="instrument"/> is a bilateral hub and the pair is the hub
    /// and one partner; null otherwise (the rule is then cited as it stands).
    /// </summary>
    public static InstrumentParty? TreatyOf(Instrument instrument, string requesting, string requested)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (instrument.Membership != Memberships.BilateralHub || instrument.Hub is not { } hub) return null;
        if ((requesting == hub) == (requested == hub)) return null;
        var partner = requesting == hub ? requested : requesting;
        return instrument.Parties.FirstOrDefault(p => p.State == partner) ?? new InstrumentParty(partner, null, null, null, false, null, null);
    }

    /// <summary>
    /// The pair's treaty in words: its recorded title, or "bilateral mutual legal assistance treaty A–B (title not recorded)"
    /// where the entry has none, with the dates the entry records. <paramref name="name"/> gives a State's name from its code.
    /// </summary>
    public static string TreatyName(Instrument instrument, InstrumentParty treaty, Func<string, string> name)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(treaty);
        ArgumentNullException.ThrowIfNull(name);
        var title = treaty.Title ?? $"Bilateral mutual legal assistance treaty {name(instrument.Hub!)}–{name(treaty.State)} (title not recorded)";
        var dates = new List<string>();
        if (treaty.Signature is { } signed) dates.Add("signed " + signed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (treaty.InForce is { } inForce) dates.Add("in force " + inForce.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return dates.Count == 0 ? title : $"{title} ({string.Join(", ", dates)})";
    }

    /// <summary>
    /// <paramref name="rule"/> as a request between the hub and <paramref name="treaty"/>'s partner cites it: the
    /// basis is the pair's treaty, every content item, time limit, refusal ground, condition and the dual
    /// criminality note cite only the parts of their citations that name this treaty.
    /// </summary>
    public static LegalRule ForTreaty(LegalRule rule, string treatyName, InstrumentParty treaty)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(treaty);
        string Cite(string citation) => OwnParts(citation, treaty.CitedAs) ?? ArticleNotRecorded;
        return rule with
        {
            Citation = treatyName,
            DualCriminality = rule.DualCriminality with { Citation = Cite(rule.DualCriminality.Citation) },
            RequiredContents = rule.RequiredContents.Select(i => i with { Citation = Cite(i.Citation) }).ToList(),
            Deadlines = rule.Deadlines.Select(d => d with { Citation = Cite(d.Citation) }).ToList(),
            RefusalGrounds = rule.RefusalGrounds.Select(i => i with { Citation = Cite(i.Citation) }).ToList(),
            Conditions = rule.Conditions.Select(i => i with { Citation = Cite(i.Citation) }).ToList(),
        };
    }

    /// <summary>
    /// The parts of <paramref name="citation"/> (separated by semicolons outside parentheses) that begin with
    /// <paramref name="citedAs"/>, without the hub's "numbers differ per treaty" caveat; null when none does.
    /// </summary>
    public static string? OwnParts(string citation, string? citedAs)
    {
        ArgumentNullException.ThrowIfNull(citation);
        if (string.IsNullOrWhiteSpace(citedAs)) return null;
        var own = Parts(citation)
            .Where(p => p.StartsWith(citedAs, StringComparison.Ordinal))
            .Select(WithoutCaveat)
            .ToList();
        return own.Count == 0 ? null : string.Join("; ", own);
    }

    private static IEnumerable<string> Parts(string citation)
    {
        var part = new StringBuilder();
        var depth = 0;
        foreach (var c in citation)
        {
            if (c == ';' && depth == 0)
            {
                yield return part.ToString().Trim();
                part.Clear();
                continue;
            }
            depth += c switch { '(' => 1, ')' when depth > 0 => -1, _ => 0 };
            part.Append(c);
        }
        if (part.Length > 0) yield return part.ToString().Trim();
    }

    private const string Caveat = "numbers differ per treaty";

    private static string WithoutCaveat(string part) =>
        part.Replace($" ({Caveat})", "", StringComparison.Ordinal)
            .Replace($"; {Caveat}", "", StringComparison.Ordinal)
            .Replace($", {Caveat}", "", StringComparison.Ordinal)
            .Trim();
}
