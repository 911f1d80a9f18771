namespace Cairn.Legal.Forms;

/// <summary>
/// A field of an official form: its stable id (the form's numbering where it has one), the number printed
/// on the form, the wording per language, the kind (text, multiline, checkbox, choice, date, table,
/// signature) and what Cairn fills it from (<see cref="FillKeys"/>), null when only a person can.
/// </summary>
public sealed record FormField(string Id, string? Number, LocalizedText Label, string Kind, IReadOnlyList<FormOption> Options, string? Fill)
{
    public static readonly IReadOnlyList<string> Kinds = ["text", "multiline", "checkbox", "choice", "date", "table", "signature"];
}
