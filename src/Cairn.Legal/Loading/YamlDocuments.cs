namespace Cairn.Legal.Loading;

// Shapes of the YAML files (docs/legal-data.md). Deserialised with snake_case names; unknown keys are
// errors so a typo in a reviewed file cannot silently drop a rule.
#pragma warning disable CA1812, CA1002, CA2227 // instantiated by YamlDotNet; mutable lists are the deserialiser's contract

internal sealed class JurisdictionsFile
{
    public List<JurisdictionEntry> Jurisdictions { get; set; } = [];
}

internal sealed class JurisdictionEntry
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Alpha3 { get; set; } = "";
    public bool Independent { get; set; }
    public bool EuMember { get; set; }
    public List<string> OfficialLanguages { get; set; } = [];
}

internal sealed class ContactsFile
{
    public List<ContactEntry> Contacts { get; set; } = [];
}

internal sealed class ContactEntry
{
    public string State { get; set; } = "";
    public SourcedEntry? CentralAuthority { get; set; }
    [YamlDotNet.Serialization.YamlMember(Alias = "contact_24_7")]
    public SourcedEntry? Contact247 { get; set; }
    public SourcedEntry? Fiu { get; set; }
    public SourcedEntry? AcceptedLanguages { get; set; }
}

internal sealed class SourcedEntry
{
    public string? Name { get; set; }
    public List<string>? Languages { get; set; }
    public bool Verified { get; set; }
    public string? Citation { get; set; }
    public string? Source { get; set; }
    public string? AsOf { get; set; }
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
    public string? ScopeNote { get; set; }
    public List<string> OffenceScope { get; set; } = [];
    public string? OffenceScopeCitation { get; set; }
    public string Membership { get; set; } = "";
    public string? Hub { get; set; }
    public List<string> Excluded { get; set; } = [];
    public string? ExcludedCitation { get; set; }
    public string? ExcludedSource { get; set; }
    public string PartiesCompleteness { get; set; } = "";
    public string PartiesNote { get; set; } = "";
    public List<PartyEntry> Parties { get; set; } = [];
    public List<SupersedesEntry> Supersedes { get; set; } = [];
    public List<RuleEntry> Rules { get; set; } = [];
}

internal sealed class PartyEntry
{
    public string State { get; set; } = "";
    public string? Signature { get; set; }
    public string? Ratification { get; set; }
    public string? InForce { get; set; }
    public bool Verified { get; set; }
    public List<string> Reservations { get; set; } = [];
    public string? Note { get; set; }
    public string? Source { get; set; }
}

internal sealed class SupersedesEntry
{
    public string Instrument { get; set; } = "";
    public string Citation { get; set; } = "";
}

internal sealed class RuleEntry
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public List<string> Measures { get; set; } = [];
    public string RequestType { get; set; } = "";
    public string Channel { get; set; } = "";
    public int Specificity { get; set; }
    public bool UrgentOnly { get; set; }
    public string? Citation { get; set; }
    public bool Verified { get; set; }
    public DualCriminalityEntry? DualCriminality { get; set; }
    public List<ItemEntry> RequiredContents { get; set; } = [];
    public List<DeadlineEntry> Deadlines { get; set; } = [];
    public List<ItemEntry> RefusalGrounds { get; set; } = [];
    public List<ItemEntry> Conditions { get; set; } = [];
}

internal sealed class DualCriminalityEntry
{
    public string Rule { get; set; } = "";
    public string Note { get; set; } = "";
    public string? Citation { get; set; }
}

internal sealed class ItemEntry
{
    public string Id { get; set; } = "";
    public string Label { get; set; } = "";
    public string? LabelFr { get; set; }
    public string? Citation { get; set; }
    public List<string> AppliesTo { get; set; } = [];
    public bool UrgentOnly { get; set; }
}

internal sealed class DeadlineEntry
{
    public string Id { get; set; } = "";
    public string Label { get; set; } = "";
    public string Kind { get; set; } = "";
    public int Amount { get; set; }
    public string Unit { get; set; } = "";
    public string From { get; set; } = "";
    public string? Citation { get; set; }
    public bool UrgentOnly { get; set; }
}
