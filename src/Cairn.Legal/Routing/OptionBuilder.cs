using Cairn.Legal.Reference;

namespace Cairn.Legal.Routing;

/// <summary>
/// Applies the parties' declarations to one rule (rule excluded, dual criminality required, channel,
/// languages, designated authority), finds the addressee and accepted languages, and lists the facts no
/// source confirmed. Declarations apply as the declaring party's side says (default: when it is the
/// requested Party, as a reservation usually limits what it will do for others).
/// </summary>
internal sealed class OptionBuilder(LegalReference reference, string requesting, string requested, string measure, bool urgent, DateOnly on)
{
    /// <summary>The reason the rule is not available with one of the States (a rule_excluded effect), or null.</summary>
    public string? Exclusion(Candidate candidate, LegalRule rule) =>
        Effects(candidate, DeclarationEffect.RuleExcluded, rule)
            .Select(e => $"{rule.Id} ({rule.Citation}) is not available with {e.State}: {e.Declaration.Kind} under {e.Declaration.Article} ({e.Declaration.Summary})")
            .FirstOrDefault();

    public RouteOption Build(Candidate candidate, LegalRule rule)
    {
        var instrument = candidate.Instrument;
        var effects = new List<string>();
        var unverified = UnverifiedFacts(candidate, rule);
        var dual = rule.DualCriminality;
        foreach (var (state, declaration) in Effects(candidate, DeclarationEffect.DualCriminalityRequired, rule))
        {
            dual = new DualCriminality(declaration.Effect!.DualCriminality ?? "required", $"{state}: {declaration.Summary}", declaration.Article);
            effects.Add($"dual criminality {dual.Rule} by {state}'s {declaration.Kind} under {declaration.Article}");
            if (!declaration.Verified) unverified.Add($"{state}'s {declaration.Kind} {declaration.Id} ({declaration.Article}) not verified");
        }
        var channel = rule.Channel;
        foreach (var (state, declaration) in Effects(candidate, DeclarationEffect.ChannelType, rule))
        {
            channel = declaration.Effect!.Channel!;
            effects.Add($"{state} requires the {channel.Replace('_', ' ')} channel ({declaration.Kind} under {declaration.Article})");
            if (!declaration.Verified) unverified.Add($"{state}'s {declaration.Kind} {declaration.Id} ({declaration.Article}) not verified");
        }
        var addressee = AddresseeFor(candidate, channel);
        var reservations = new[] { (requesting, candidate.Requesting), (requested, candidate.Requested) }
            .SelectMany(p => (p.Item2.Party?.Declarations ?? []).Where(d => d.AppliesOn(on)).Select(d => $"{p.Item1}: {d.Kind} under {d.Article}: {d.Summary}"))
            .ToList();
        return new RouteOption(0, instrument.Id, instrument.Title, rule.Id, rule.Title, channel, rule.RequestType, rule.Specificity,
            rule.Citation, dual, rule.ContentsFor(measure, urgent).ToList(), rule.DeadlinesFor(urgent).ToList(),
            rule.RefusalGrounds, rule.Conditions, reservations, unverified, candidate.Confirmed ? RouteOption.PartiesListed : RouteOption.PartyStatusUnverified)
        {
            InstrumentShortTitle = instrument.ShortTitle,
            Addressee = addressee,
            Languages = LanguagesFor(candidate, addressee),
            Informal = instrument.Informal || rule.Informal,
            Effects = effects,
            Treaty = BilateralCitations.TreatyOf(instrument, requesting, requested) is { } treaty ? reference.TreatyName(instrument, treaty) : null,
        };
    }

    private List<string> UnverifiedFacts(Candidate candidate, LegalRule rule)
    {
        var instrument = candidate.Instrument;
        var facts = new List<string>();
        if (!rule.Verified) facts.Add($"rule {rule.Id} ({rule.Citation}) not verified against the text");
        // Without a recorded date an instrument counts as in force on any date; say so rather than imply it.
        if (instrument.EntryIntoForce is null && instrument.AppliesFrom is null && instrument.Membership != Memberships.BilateralHub)
            facts.Add($"the {instrument.ShortTitle}'s entry into force is not recorded: it is offered whatever the date");
        foreach (var (state, standing) in new[] { (requesting, candidate.Requesting), (requested, candidate.Requested) })
        {
            if (standing.Kind == PartyStandingKind.Unknown)
                facts.Add(standing.Explain(state, instrument.ShortTitle));
            else if (standing.Party is { } party)
            {
                if (!party.Verified) facts.Add($"{state} as party to {instrument.ShortTitle} not verified");
                facts.AddRange(party.ApproximateDates(instrument.ShortTitle, on));
            }
        }
        return facts;
    }

    /// <summary>Declarations with an effect of <paramref name="type"/> that reach <paramref name="rule"/> on this request.</summary>
    private IEnumerable<(string State, Declaration Declaration)> Effects(Candidate candidate, string type, LegalRule rule)
    {
        foreach (var (state, standing, isRequested) in new[] { (requested, candidate.Requested, true), (requesting, candidate.Requesting, false) })
            foreach (var declaration in standing.Party?.Declarations ?? [])
                if (declaration.Effect is { } effect && effect.Type == type && declaration.AppliesOn(on) && effect.AppliesAs(isRequested) && effect.Concerns(rule.Id, measure))
                    yield return (state, declaration);
    }

    private Addressee AddresseeFor(Candidate candidate, string channel)
    {
        var role = Channels.AddresseeRole(channel);
        if (role is null) return new Addressee(Addressee.ServiceProvider, null, null, false, null, null);
        var designated = (candidate.Requested.Party?.Declarations ?? [])
            .FirstOrDefault(d => d.Effect is { Type: DeclarationEffect.Authority } e && e.Role == role && d.AppliesOn(on));
        if (designated is not null)
            return new Addressee(role, designated.Effect!.Name, null, designated.Verified, $"{designated.Kind} under {designated.Article}", designated.Source);
        var contact = reference.Jurisdiction(requested).ContactFor(role, candidate.Instrument.Id);
        return contact is null
            ? new Addressee(role, null, null, false, null, null)
            : new Addressee(role, contact.Name, contact.Address, contact.Verified, contact.Citation, contact.Source);
    }

    private AcceptedLanguages LanguagesFor(Candidate candidate, Addressee addressee)
    {
        var declared = (candidate.Requested.Party?.Declarations ?? [])
            .FirstOrDefault(d => d.Effect is { Type: DeclarationEffect.LanguagesType } && d.AppliesOn(on));
        if (declared is not null)
            return new AcceptedLanguages(declared.Effect!.Languages, $"{requested}'s {declared.Kind} under {declared.Article}", declared.Verified);
        var jurisdiction = reference.Jurisdiction(requested);
        var contact = jurisdiction.Contacts.FirstOrDefault(c => c.Role == addressee.Role && c.InstrumentId == candidate.Instrument.Id && c.Languages.Count > 0)
            ?? jurisdiction.Contacts.FirstOrDefault(c => c.Role == addressee.Role && c.InstrumentId is null && c.Languages.Count > 0)
            ?? jurisdiction.Contacts.FirstOrDefault(c => c.InstrumentId == candidate.Instrument.Id && c.Languages.Count > 0);
        if (contact is not null)
            return new AcceptedLanguages(contact.Languages, contact.Citation ?? $"{contact.Name} ({contact.Source})", contact.Verified);
        var instrument = candidate.Instrument;
        return instrument.LanguagesDefault.Count > 0
            ? new AcceptedLanguages(instrument.LanguagesDefault, $"{instrument.ShortTitle} default ({instrument.LanguagesCitation})", true)
            : AcceptedLanguages.NotRecorded;
    }
}
