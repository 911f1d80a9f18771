namespace Cairn.Legal.Forms;

/// <summary>One box of a choice or checkbox group, with the form's wording per language.</summary>
public sealed record FormOption(string Id, LocalizedText Label);
