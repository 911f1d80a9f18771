namespace Cairn.Legal.Forms;

/// <summary>A section of an official form with its own letter or number, title, instruction text and fields.</summary>
public sealed record FormSection(string Id, LocalizedText Title, LocalizedText Text, IReadOnlyList<FormField> Fields);
