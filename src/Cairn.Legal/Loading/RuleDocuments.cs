namespace Cairn.Legal.Loading;

// Shapes of an instrument's rules (docs/legal-data.md). Every rule, content item, deadline, refusal
// ground, condition and dual-criminality entry must carry a citation (checked by InstrumentMapper).
#pragma warning disable CA1812, CA1002, CA2227 // instantiated by YamlDotNet; mutable lists are the deserialiser's contract

internal sealed class RuleEntry
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public List<string> Measures { get; set; } = [];
    public string RequestType { get; set; } = "";
    public string Channel { get; set; } = "";
    public int Specificity { get; set; }
    public bool UrgentOnly { get; set; }
    public bool Informal { get; set; }
    public List<string> SubsidiaryTo { get; set; } = [];
    public string? Citation { get; set; }
    public bool Verified { get; set; }
    public string? Note { get; set; }
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
    public string? LabelDe { get; set; }
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
