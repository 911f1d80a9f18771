using Cairn.Legal.Reference;

namespace Cairn.Legal.Loading;

/// <summary>Turns one instrument file into an <see cref="Instrument"/>, rejecting what a reviewer must fix.</summary>
internal static class InstrumentMapper
{
    private static readonly string[] DeadlineKinds = ["obligation", "target", "extension", "minimum_retention"];
    private static readonly string[] Completeness = ["complete", "partial"];
    private static readonly string[] Subsidiary = ["bilateral", "treaty"];

    public static Instrument Map(DataFile file, InstrumentFile data, HashSet<string> codes)
    {
        if (string.IsNullOrWhiteSpace(data.Id)) throw LegalDataLoader.Error(file, "id:", "instrument has no id");
        if (!Memberships.All.Contains(data.Membership)) throw LegalDataLoader.Error(file, "membership:", $"unknown membership '{data.Membership}': expected {string.Join(", ", Memberships.All)}");
        if (!Completeness.Contains(data.PartiesCompleteness))
            throw LegalDataLoader.Error(file, "parties_completeness:", $"instrument '{data.Id}' has parties_completeness '{data.PartiesCompleteness}': expected complete or partial");
        if (string.IsNullOrWhiteSpace(data.AsOf)) throw LegalDataLoader.Error(file, "id:", $"instrument '{data.Id}' has no as_of date");
        if (data.Membership == Memberships.BilateralHub && data.Hub is null) throw LegalDataLoader.Error(file, "membership:", $"bilateral_hub instrument '{data.Id}' has no hub");
        if (data.Membership == Memberships.EuWithPartner && data.Partner is null) throw LegalDataLoader.Error(file, "membership:", $"eu_with_partner instrument '{data.Id}' has no partner");
        foreach (var state in data.Excluded.Append(data.Hub).Append(data.Partner).OfType<string>())
            if (!codes.Contains(state)) throw LegalDataLoader.Error(file, state, $"unknown state code '{state}'");
        foreach (var language in data.LanguagesDefault.Where(l => !PartyMapper.IsLanguageCode(l)))
            throw LegalDataLoader.Error(file, "languages_default:", $"languages_default names '{language}': expected an ISO 639-3 language code");
        var parties = data.Parties.Select(p => PartyMapper.Map(file, codes, p)).ToList();
        var rules = data.Rules.Select(r => MapRule(file, r)).ToList();
        if (data.OffenceScope.Count > 0 && string.IsNullOrWhiteSpace(data.OffenceScopeCitation))
            throw LegalDataLoader.Error(file, "offence_scope:", $"instrument '{data.Id}' limits its offences without an offence_scope_citation");
        var appliesFrom = DataDates.Optional(file, data.AppliesFrom);
        if (appliesFrom is not null && string.IsNullOrWhiteSpace(data.AppliesFromCitation))
            throw LegalDataLoader.Error(file, "applies_from:", $"instrument '{data.Id}' has applies_from without applies_from_citation");
        return new Instrument(
            data.Id, data.Title, data.ShortTitle, data.Kind, data.TextUrl, data.AsOf, data.InForce,
            DataDates.Optional(file, data.EntryIntoForce), data.EntryIntoForceCitation, data.Membership, data.Hub, data.Excluded,
            data.ExcludedCitation, data.PartiesCompleteness, data.PartiesNote, data.ScopeNote, parties,
            data.Supersedes.Select(s => new Supersession(s.Instrument, Cited(file, s.Citation, $"supersedes {s.Instrument}", $"instrument: {s.Instrument}"), s.ExceptRules)).ToList(),
            rules)
        {
            OffenceScope = data.OffenceScope.Select(Offences.Normalize).ToList(),
            OffenceScopeCitation = data.OffenceScopeCitation,
            Partner = data.Partner,
            Depositary = Depositary(file, data.Depositary),
            AppliesFrom = appliesFrom,
            AppliesFromCitation = data.AppliesFromCitation,
            Informal = data.Informal,
            LanguagesDefault = data.LanguagesDefault,
            LanguagesCitation = data.LanguagesCitation,
            Precedence = data.Precedence,
            PrecedenceNote = data.PrecedenceNote,
            Supplements = data.Supplements,
            ExcludedSource = data.ExcludedSource,
            DataFile = file.Name,
        };
    }

    private static Depositary? Depositary(DataFile file, DepositaryEntry? entry)
    {
        if (entry is null) return null;
        if (entry.Count < 0) throw LegalDataLoader.Error(file, "depositary:", "depositary count cannot be negative");
        if (string.IsNullOrWhiteSpace(entry.Source)) throw LegalDataLoader.Error(file, "depositary:", "depositary count has no source");
        return new Depositary(entry.Name, entry.Count, DataDates.Required(file, entry.CountAsOf, "depositary count", "depositary:"), entry.Counts, entry.Source);
    }

    private static LegalRule MapRule(DataFile file, RuleEntry? rule)
    {
        if (rule is null) throw LegalDataLoader.Error(file, "rules:", "rules has an empty list entry (a '-' with nothing after it)");
        var where = $"rule '{rule.Id}'";
        var needle = $"id: {rule.Id}";
        var citation = Cited(file, rule.Citation, where, needle);
        foreach (var measure in rule.Measures.Where(m => !Measures.IsKnown(m)))
            throw LegalDataLoader.Error(file, needle, $"{where} names unknown measure '{measure}'");
        if (!Channels.All.Contains(rule.Channel))
            throw LegalDataLoader.Error(file, needle, $"{where} names unknown channel '{rule.Channel}'");
        foreach (var kind in rule.SubsidiaryTo.Where(s => !Subsidiary.Contains(s)))
            throw LegalDataLoader.Error(file, needle, $"{where} is subsidiary_to '{kind}': expected bilateral or treaty");
        if (rule.DualCriminality is null)
            throw LegalDataLoader.Error(file, needle, $"{where} has no dual_criminality entry");
        var dualRule = DualCriminalityRules.Normalize(rule.DualCriminality.Rule)
            ?? throw LegalDataLoader.Error(file, needle, $"{where} has dual_criminality rule '{rule.DualCriminality.Rule}': expected {string.Join(", ", DualCriminalityRules.All)}");
        var dual = new DualCriminality(dualRule, rule.DualCriminality.Note,
            Cited(file, rule.DualCriminality.Citation, $"{where} dual_criminality", needle));
        return new LegalRule(rule.Id, rule.Title, rule.Measures, rule.RequestType, rule.Channel, rule.Specificity, rule.UrgentOnly,
            citation, rule.Verified, dual,
            rule.RequiredContents.Select(i => Item(file, i, where)).ToList(),
            rule.Deadlines.Select(d => Deadline(file, d, where)).ToList(),
            rule.RefusalGrounds.Select(i => Item(file, i, where)).ToList(),
            rule.Conditions.Select(i => Item(file, i, where)).ToList())
        {
            SubsidiaryTo = rule.SubsidiaryTo,
            Informal = rule.Informal,
        };
    }

    private static CitedItem Item(DataFile file, ItemEntry? item, string where)
    {
        // A bare "-" in a YAML list is a null entry, not an item (found by the legal-yaml fuzz target).
        if (item is null) throw LegalDataLoader.Error(file, where, $"{where} has an empty list entry (a '-' with nothing after it)");
        foreach (var measure in item.AppliesTo.Where(m => !Measures.IsKnown(m)))
            throw LegalDataLoader.Error(file, $"id: {item.Id}", $"{where} item '{item.Id}' applies to unknown measure '{measure}'");
        return new(item.Id, item.Label, item.LabelFr, Cited(file, item.Citation, $"{where} item '{item.Id}'", $"id: {item.Id}"), item.AppliesTo, item.UrgentOnly)
        {
            LabelDe = item.LabelDe,
        };
    }

    private static DeadlineRule Deadline(DataFile file, DeadlineEntry? deadline, string where)
    {
        if (deadline is null) throw LegalDataLoader.Error(file, where, $"{where} has an empty deadline entry (a '-' with nothing after it)");
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
}
