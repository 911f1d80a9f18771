namespace Cairn.Intel.Actors;

/// <summary>
/// Who is behind a set of addresses: an exchange, a service, a sanctioned group. The
/// <see cref="Jurisdictions"/> (ISO 3166-1 alpha-2) are what later routes a legal request.
/// Fields follow the GraphSense ActorPack schema (graphsense-lib <c>actorpack_schema.yaml</c>);
/// <see cref="ContextJson"/> keeps the whole free-form context so nothing is lost on import.
/// </summary>
public sealed record Actor
{
    public required string Id { get; init; }

    public required string Label { get; init; }

    /// <summary>The actor's main web address, as the source wrote it.</summary>
    public string? Uri { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Upper-case ISO 3166-1 alpha-2 codes.</summary>
    public IReadOnlyList<string> Jurisdictions { get; init; } = [];

    public string? LegalName { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Reference links (GraphSense context <c>refs</c> and <c>uris</c>).</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>The source's context object as compact JSON, or null.</summary>
    public string? ContextJson { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    /// <summary>The pack this actor came from.</summary>
    public required string PackId { get; init; }

    public bool Equals(Actor? other) =>
        other is not null
        && Id == other.Id && Label == other.Label && Uri == other.Uri && LegalName == other.LegalName
        && ContextJson == other.ContextJson && LastModified == other.LastModified && PackId == other.PackId
        && Categories.SequenceEqual(other.Categories, StringComparer.Ordinal)
        && Jurisdictions.SequenceEqual(other.Jurisdictions, StringComparer.Ordinal)
        && Aliases.SequenceEqual(other.Aliases, StringComparer.Ordinal)
        && References.SequenceEqual(other.References, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Id, Label, PackId);
}
