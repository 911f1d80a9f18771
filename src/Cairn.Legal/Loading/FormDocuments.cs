namespace Cairn.Legal.Loading;

// Shape of data/legal/forms/<form-id>.yaml: an official form's sections, numbering and wording per language.
#pragma warning disable CA1812, CA1002, CA2227 // instantiated by YamlDotNet; mutable collections are the deserialiser's contract

internal sealed class FormFile
{
    public string Id { get; set; } = "";
    public string Instrument { get; set; } = "";
    public List<string> Measures { get; set; } = [];
    public Dictionary<string, string> Title { get; set; } = [];
    public string LegalAct { get; set; } = "";
    public Dictionary<string, string> Source { get; set; } = [];
    public string AsOf { get; set; } = "";
    public Dictionary<string, bool> Verified { get; set; } = [];
    public string? Notes { get; set; }
    public List<FormSectionEntry> Sections { get; set; } = [];
}

internal sealed class FormSectionEntry
{
    public string Id { get; set; } = "";
    public Dictionary<string, string> Title { get; set; } = [];
    public Dictionary<string, string> Text { get; set; } = [];
    public List<FormFieldEntry> Fields { get; set; } = [];
}

internal sealed class FormFieldEntry
{
    public string Id { get; set; } = "";
    public string? Number { get; set; }
    public Dictionary<string, string> Label { get; set; } = [];
    public string Kind { get; set; } = "text";
    public List<FormOptionEntry> Options { get; set; } = [];
    public string? Fill { get; set; }
}

internal sealed class FormOptionEntry
{
    public string Id { get; set; } = "";
    public Dictionary<string, string> Label { get; set; } = [];
}
