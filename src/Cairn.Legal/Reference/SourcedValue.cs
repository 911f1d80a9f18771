namespace Cairn.Legal.Reference;

/// <summary>A fact about a jurisdiction with where it came from; <see cref="Verified"/> false means shown as unverified.</summary>
public sealed record SourcedValue(string Value, bool Verified, string? Citation, string Source, string AsOf);
