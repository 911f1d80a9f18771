namespace Cairn.Legal.Loading;

// Shapes of the instrument files (docs/legal-data.md, schema v2). Deserialised with snake_case names;
// unknown keys are errors so a typo in a reviewed file cannot silently drop a fact.
#pragma warning disable CA1812, CA1002, CA2227 // instantiated by YamlDotNet; mutable lists are the deserialiser's contract

internal sealed class JurisdictionsFile
{
    public List<JurisdictionEntry> Jurisdictions { get; set; } = [];
}

internal sealed class JurisdictionEntry
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? NameFr { get; set; }
    public string? NameDe { get; set; }
    public string Alpha3 { get; set; } = "";
    public bool Independent { get; set; }
    public bool EuMember { get; set; }
    public List<string> OfficialLanguages { get; set; } = [];
}

internal sealed class InstrumentFile
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string ShortTitle { get; set; } = "";
    public string Kind { get; set; } = "";
    public string TextUrl { get; set; } = "";
    public string AsOf { get; set; } = "";
    public bool InForce { get; set; }
    public string? EntryIntoForce { get; set; }
    public string EntryIntoForceCitation { get; set; } = "";
    public string? AppliesFrom { get; set; }
    public string? AppliesFromCitation { get; set; }
    public bool Informal { get; set; }
    public List<string> LanguagesDefault { get; set; } = [];
    public string? LanguagesCitation { get; set; }
    public int? Precedence { get; set; }
    public string? PrecedenceNote { get; set; }
    public string? ScopeNote { get; set; }
    public List<string> OffenceScope { get; set; } = [];
    public string? OffenceScopeCitation { get; set; }
    public string Membership { get; set; } = "";
    public string? Hub { get; set; }
    public string? Partner { get; set; }
    public List<string> Excluded { get; set; } = [];
    public string? ExcludedCitation { get; set; }
    public string? ExcludedSource { get; set; }
    public string PartiesCompleteness { get; set; } = "";
    public string PartiesNote { get; set; } = "";
    public DepositaryEntry? Depositary { get; set; }
    public List<PartyEntry> Parties { get; set; } = [];
    public List<SupersedesEntry> Supersedes { get; set; } = [];
    public List<string> Supplements { get; set; } = [];
    public List<RuleEntry> Rules { get; set; } = [];
}

internal sealed class DepositaryEntry
{
    public string Name { get; set; } = "";
    public int Count { get; set; }
    public string? CountAsOf { get; set; }
    public string Counts { get; set; } = "";
    public string? Source { get; set; }
}

internal sealed class PartyEntry
{
    public string State { get; set; } = "";
    public string? Title { get; set; }
    public string? CitedAs { get; set; }
    public string? Fiu { get; set; }
    public string? Signature { get; set; }
    public string? Ratification { get; set; }
    public string? Consent { get; set; }
    public string? InForce { get; set; }
    public string? MemberSince { get; set; }
    public int? MemberSinceYear { get; set; }
    public WithdrawalEntry? Withdrawal { get; set; }
    public List<SuspensionEntry> Suspensions { get; set; } = [];
    public string? Terminated { get; set; }
    public string? Territorial { get; set; }
    public bool Verified { get; set; }
    public string? Note { get; set; }
    public string? Source { get; set; }
    public string? AsOf { get; set; }
    public List<DeclarationEntry> Declarations { get; set; } = [];
}

internal sealed class WithdrawalEntry
{
    public string? Notified { get; set; }
    public string? Effective { get; set; }
    public string? Source { get; set; }
    public string? Note { get; set; }
}

internal sealed class SuspensionEntry
{
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Note { get; set; }
    public string? Source { get; set; }
}

internal sealed class DeclarationEntry
{
    public string Id { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Article { get; set; } = "";
    public string Summary { get; set; } = "";
    public EffectEntry? Effect { get; set; }
    public string? Source { get; set; }
    public bool Verified { get; set; }
    public string? Note { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
}

internal sealed class EffectEntry
{
    public string Type { get; set; } = "";
    public List<string> Rules { get; set; } = [];
    public List<string> Measures { get; set; } = [];
    public string? Side { get; set; }
    public string? Rule { get; set; }
    public List<string> Languages { get; set; } = [];
    public string? Channel { get; set; }
    public string? Role { get; set; }
    public string? Name { get; set; }
}

internal sealed class SupersedesEntry
{
    public string Instrument { get; set; } = "";
    public string Citation { get; set; } = "";
    public List<string> ExceptRules { get; set; } = [];
}
