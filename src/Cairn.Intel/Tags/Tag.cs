namespace Cairn.Intel.Tags;

/// <summary>
/// One attribution: "this address (or transaction) on this chain belongs to / is involved in X".
/// Fields follow the GraphSense TagPack schema (graphsense-lib <c>tagpack_schema.yaml</c>) with the
/// pack header values already inherited, so a tag stands on its own once imported.
/// </summary>
public sealed record Tag
{
    /// <summary>The pack this tag came from (its id), or <see cref="UserPackId"/> for tags typed in by users.</summary>
    public required string PackId { get; init; }

    /// <summary>Currency code as written in the source (BTC, ETH, USDT, …).</summary>
    public required string Currency { get; init; }

    /// <summary>Network the currency lives on; GraphSense defaults it to the currency.</summary>
    public required string Network { get; init; }

    public TagSubject Subject { get; init; } = TagSubject.Address;

    /// <summary>The address or transaction hash exactly as the source wrote it (trimmed).</summary>
    public required string Identifier { get; init; }

    public required string Label { get; init; }

    /// <summary>Where the attribution comes from (URL or reference).</summary>
    public required string Source { get; init; }

    public required string Creator { get; init; }

    /// <summary>GraphSense confidence id (see <see cref="Taxonomy.IntelTaxonomy.Confidences"/>); null when the source gave none.</summary>
    public string? Confidence { get; init; }

    /// <summary>Concept id of what the owner is (exchange, mixing_service, defi_bridge…).</summary>
    public string? Category { get; init; }

    /// <summary>Concept id of the abuse involved (ransomware, sanction, scam…).</summary>
    public string? Abuse { get; init; }

    /// <summary>Actor id (see <see cref="Actors.Actor"/>).</summary>
    public string? Actor { get; init; }

    /// <summary>Free-form context (GraphSense stores JSON text here).</summary>
    public string? Context { get; init; }

    public IReadOnlyList<string> Concepts { get; init; } = [];

    /// <summary>GraphSense tag type (actor, event, attribute, mention).</summary>
    public string? TagType { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    public bool IsClusterDefiner { get; init; }

    /// <summary>False for agency-private tags, which are never exported to other agencies.</summary>
    public bool IsPublic { get; init; } = true;

    /// <summary>Pseudo-pack holding tags added by users through the CLI or API.</summary>
    public const string UserPackId = "user";

    /// <summary>Records compare their lists by reference; tags compare their concepts by content.</summary>
    public bool Equals(Tag? other) =>
        other is not null
        && PackId == other.PackId && Currency == other.Currency && Network == other.Network && Subject == other.Subject
        && Identifier == other.Identifier && Label == other.Label && Source == other.Source && Creator == other.Creator
        && Confidence == other.Confidence && Category == other.Category && Abuse == other.Abuse && Actor == other.Actor
        && Context == other.Context && TagType == other.TagType && LastModified == other.LastModified
        && IsClusterDefiner == other.IsClusterDefiner && IsPublic == other.IsPublic
        && Concepts.SequenceEqual(other.Concepts, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(PackId, Currency, Identifier, Label, Source);
}
