namespace Cairn.Intel.Taxonomy;

/// <summary>
/// One entry of the GraphSense concepts taxonomy (categories such as <c>exchange</c>, abuse
/// types such as <c>ransomware</c>); <see cref="Broader"/> is the parent concept, if any.
/// </summary>
public sealed record Concept(string Id, string Label, string Description, string? Broader);
