using Cairn.Legal.Reference;

namespace Cairn.Legal.Loading;

/// <summary>Maps party entries (with withdrawals, suspensions and declarations) and checks their codes, dates and effect keys.</summary>
internal static class PartyMapper
{
    private static readonly string[] Consents = ["ratification", "accession", "acceptance", "approval", "succession", "definitive_signature"];
    private static readonly string[] DeclarationKinds = ["reservation", "declaration"];

    public static InstrumentParty Map(DataFile file, HashSet<string> codes, PartyEntry party)
    {
        var needle = $"state: {party.State}";
        if (party.State != Memberships.EuropeanUnion && !codes.Contains(party.State))
            throw LegalDataLoader.Error(file, needle, $"unknown state code '{party.State}'");
        if (party.Consent is not null && !Consents.Contains(party.Consent))
            throw LegalDataLoader.Error(file, needle, $"party {party.State} has unknown consent '{party.Consent}': expected {string.Join(", ", Consents)}");
        return new InstrumentParty(party.State, DataDates.Optional(file, party.Signature), DataDates.Optional(file, party.Ratification),
            DataDates.Optional(file, party.InForce), party.Verified, party.Note, party.Source)
        {
            Consent = party.Consent,
            Title = party.Title,
            CitedAs = party.CitedAs,
            Fiu = party.Fiu,
            MemberSince = DataDates.Optional(file, party.MemberSince),
            MemberSinceYear = party.MemberSinceYear,
            Withdrawal = party.Withdrawal is { } w
                ? new PartyWithdrawal(DataDates.Optional(file, w.Notified), DataDates.Required(file, w.Effective, $"withdrawal of {party.State}", needle), w.Source)
                : null,
            Suspensions = party.Suspensions.Select(s => new PartySuspension(
                DataDates.Required(file, s.From, $"suspension of {party.State}", needle), DataDates.Optional(file, s.To), s.Note, s.Source)).ToList(),
            Terminated = DataDates.Optional(file, party.Terminated),
            Territorial = party.Territorial,
            AsOf = party.AsOf,
            Declarations = party.Declarations.Select(d => Declaration(file, party.State, d)).ToList(),
        };
    }

    private static Declaration Declaration(DataFile file, string state, DeclarationEntry entry)
    {
        var needle = string.IsNullOrWhiteSpace(entry.Id) ? $"state: {state}" : $"id: {entry.Id}";
        if (string.IsNullOrWhiteSpace(entry.Id)) throw LegalDataLoader.Error(file, needle, $"a declaration of {state} has no id");
        if (!DeclarationKinds.Contains(entry.Kind))
            throw LegalDataLoader.Error(file, needle, $"declaration '{entry.Id}' has unknown kind '{entry.Kind}': expected reservation or declaration");
        if (string.IsNullOrWhiteSpace(entry.Article))
            throw LegalDataLoader.Error(file, needle, $"declaration '{entry.Id}' has no article");
        return new Declaration(entry.Id, entry.Kind, entry.Article, entry.Summary, Effect(file, entry, needle), entry.Source, entry.Verified)
        {
            From = DataDates.Optional(file, entry.From),
            To = DataDates.Optional(file, entry.To),
        };
    }

    private static DeclarationEffect? Effect(DataFile file, DeclarationEntry entry, string needle)
    {
        if (entry.Effect is not { } effect) return null;
        var what = $"declaration '{entry.Id}'";
        if (!DeclarationEffect.Types.Contains(effect.Type))
            throw LegalDataLoader.Error(file, needle, $"{what} has unknown effect type '{effect.Type}': expected {string.Join(", ", DeclarationEffect.Types)}");
        var side = effect.Side ?? "requested";
        if (!DeclarationEffect.Sides.Contains(side))
            throw LegalDataLoader.Error(file, needle, $"{what} has unknown side '{side}': expected requested, requesting or both");
        foreach (var measure in effect.Measures.Where(m => !Reference.Measures.IsKnown(m)))
            throw LegalDataLoader.Error(file, measure, $"{what} names unknown measure '{measure}'");
        if (effect.Channel is not null && !Channels.All.Contains(effect.Channel))
            throw LegalDataLoader.Error(file, needle, $"{what} names unknown channel '{effect.Channel}'");
        if (effect.Role is not null && !ContactRoles.All.Contains(effect.Role))
            throw LegalDataLoader.Error(file, needle, $"{what} names unknown role '{effect.Role}'");
        foreach (var language in effect.Languages.Where(l => !IsLanguageCode(l)))
            throw LegalDataLoader.Error(file, needle, $"{what} names '{language}': expected an ISO 639-3 language code");
        var missing = effect.Type switch
        {
            DeclarationEffect.RuleExcluded when effect.Rules.Count == 0 => "rules",
            DeclarationEffect.DualCriminalityRequired when effect.Rules.Count == 0 && effect.Measures.Count == 0 => "rules or measures",
            DeclarationEffect.LanguagesType when effect.Languages.Count == 0 => "languages",
            DeclarationEffect.ChannelType when effect.Channel is null => "channel",
            DeclarationEffect.Authority when effect.Role is null || string.IsNullOrWhiteSpace(effect.Name) => "role and name",
            _ => null,
        };
        if (missing is not null) throw LegalDataLoader.Error(file, needle, $"{what}: effect {effect.Type} needs {missing}");
        if (effect.Rule is not null && DualCriminalityRules.Normalize(effect.Rule) is null)
            throw LegalDataLoader.Error(file, needle, $"{what} sets dual criminality '{effect.Rule}': expected {string.Join(", ", DualCriminalityRules.All)}");
        return new DeclarationEffect(effect.Type, effect.Rules, effect.Measures, side, DualCriminalityRules.Normalize(effect.Rule ?? DualCriminalityRules.Required),
            effect.Languages, effect.Channel, effect.Role, effect.Name);
    }

    internal static bool IsLanguageCode(string code) => code.Length == 3 && code.All(char.IsAsciiLetterLower);
}
