using System.Globalization;
using Cairn.Core;
using Cairn.Legal.Reference;

namespace Cairn.Legal.Loading;

/// <summary>Turns one instrument file into an <see cref="Instrument"/>, rejecting what a reviewer must fix.</summary>
internal static class InstrumentMapper
{
    private static readonly string[] Memberships = ["listed", "eu_members_except", "bilateral_hub"];
    private static readonly string[] DeadlineKinds = ["obligation", "target", "extension", "minimum_retention"];

    public static Instrument Map(DataFile file, InstrumentFile data, HashSet<string> codes)
    {
        if (string.IsNullOrWhiteSpace(data.Id)) throw LegalDataLoader.Error(file, "id:", "instrument has no id");
        if (!Memberships.Contains(data.Membership)) throw LegalDataLoader.Error(file, "membership:", $"unknown membership '{data.Membership}'");
        if (string.IsNullOrWhiteSpace(data.AsOf)) throw LegalDataLoader.Error(file, "id:", $"instrument '{data.Id}' has no as_of date");
        foreach (var state in data.Excluded.Append(data.Hub).OfType<string>())
            RequireState(file, codes, state, state);
        var parties = data.Parties.Select(p => MapParty(file, codes, p)).ToList();
        var rules = data.Rules.Select(r => MapRule(file, r)).ToList();
        if (data.OffenceScope.Count > 0 && string.IsNullOrWhiteSpace(data.OffenceScopeCitation))
            throw LegalDataLoader.Error(file, "offence_scope:", $"instrument '{data.Id}' limits its offences without an offence_scope_citation");
        return new Instrument(
            data.Id, data.Title, data.ShortTitle, data.Kind, data.TextUrl, data.AsOf, data.InForce,
            Date(file, data.EntryIntoForce), data.EntryIntoForceCitation, data.Membership, data.Hub, data.Excluded,
            data.ExcludedCitation, data.PartiesCompleteness, data.PartiesNote, data.ScopeNote, parties,
            data.Supersedes.Select(s => new Supersession(s.Instrument, Cited(file, s.Citation, $"supersedes {s.Instrument}"))).ToList(),
            rules)
        {
            OffenceScope = data.OffenceScope.Select(Offences.Normalize).ToList(),
            OffenceScopeCitation = data.OffenceScopeCitation,
        };
    }

    private static InstrumentParty MapParty(DataFile file, HashSet<string> codes, PartyEntry party)
    {
        RequireState(file, codes, party.State, $"state: {party.State}");
        return new InstrumentParty(party.State, Date(file, party.Signature), Date(file, party.Ratification), Date(file, party.InForce),
            party.Verified, party.Reservations, party.Note, party.Source);
    }

    private static LegalRule MapRule(DataFile file, RuleEntry rule)
    {
        var where = $"rule '{rule.Id}'";
        var citation = Cited(file, rule.Citation, where, $"id: {rule.Id}");
        foreach (var measure in rule.Measures.Where(m => !Measures.IsKnown(m)))
            throw LegalDataLoader.Error(file, $"id: {rule.Id}", $"{where} names unknown measure '{measure}'");
        if (!Channels.All.Contains(rule.Channel))
            throw LegalDataLoader.Error(file, $"id: {rule.Id}", $"{where} names unknown channel '{rule.Channel}'");
        if (rule.DualCriminality is null)
            throw LegalDataLoader.Error(file, $"id: {rule.Id}", $"{where} has no dual_criminality entry");
        var dual = new DualCriminality(rule.DualCriminality.Rule, rule.DualCriminality.Note,
            Cited(file, rule.DualCriminality.Citation, $"{where} dual_criminality", $"id: {rule.Id}"));
        return new LegalRule(rule.Id, rule.Title, rule.Measures, rule.RequestType, rule.Channel, rule.Specificity, rule.UrgentOnly,
            citation, rule.Verified, dual,
            rule.RequiredContents.Select(i => Item(file, i, where)).ToList(),
            rule.Deadlines.Select(d => Deadline(file, d, where)).ToList(),
            rule.RefusalGrounds.Select(i => Item(file, i, where)).ToList(),
            rule.Conditions.Select(i => Item(file, i, where)).ToList());
    }

    private static CitedItem Item(DataFile file, ItemEntry item, string where) =>
        new(item.Id, item.Label, item.LabelFr, Cited(file, item.Citation, $"{where} item '{item.Id}'", $"id: {item.Id}"), item.AppliesTo, item.UrgentOnly);

    private static DeadlineRule Deadline(DataFile file, DeadlineEntry deadline, string where)
    {
        var what = $"{where} deadline '{deadline.Id}'";
        if (!DeadlineKinds.Contains(deadline.Kind)) throw LegalDataLoader.Error(file, $"id: {deadline.Id}", $"{what} has unknown kind '{deadline.Kind}'");
        var unit = deadline.Unit switch
        {
            "days" => DeadlineUnit.Days,
            "hours" => DeadlineUnit.Hours,
            _ => throw LegalDataLoader.Error(file, $"id: {deadline.Id}", $"{what} has unit '{deadline.Unit}': expected days or hours"),
        };
        if (deadline.From is not ("sent" or "acknowledged") && !deadline.From.StartsWith("deadline:", StringComparison.Ordinal))
            throw LegalDataLoader.Error(file, $"id: {deadline.Id}", $"{what} runs from '{deadline.From}': expected sent, acknowledged or deadline:<id>");
        return new DeadlineRule(deadline.Id, deadline.Label, deadline.Kind, deadline.Amount, unit, deadline.From,
            Cited(file, deadline.Citation, what, $"id: {deadline.Id}"), deadline.UrgentOnly);
    }

    private static string Cited(DataFile file, string? citation, string what, string? needle = null) =>
        string.IsNullOrWhiteSpace(citation) ? throw LegalDataLoader.Error(file, needle ?? what, $"{what} has no citation") : citation;

    private static void RequireState(DataFile file, HashSet<string> codes, string state, string needle)
    {
        if (!codes.Contains(state)) throw LegalDataLoader.Error(file, needle, $"unknown state code '{state}'");
    }

    private static DateOnly? Date(DataFile file, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw LegalDataLoader.Error(file, text, $"malformed date '{text}': expected yyyy-MM-dd");
    }
}
