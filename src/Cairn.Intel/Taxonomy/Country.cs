namespace Cairn.Intel.Taxonomy;

/// <summary>A jurisdiction as GraphSense lists it: ISO 3166-1 alpha-2 code and English name.</summary>
public sealed record Country(string Code, string Name);
