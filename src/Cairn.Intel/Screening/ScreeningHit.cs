namespace Cairn.Intel.Screening;

/// <summary>
/// One reason an address is known: a tag or a sanctions listing, with what a reviewer needs to
/// act on it (who, which category, which jurisdictions, how sure). Built once per index; identical
/// hits (e.g. 300,000 addresses of one exchange's reserve pack) share one instance.
/// </summary>
public sealed record ScreeningHit
{
    public required HitKind Kind { get; init; }

    /// <summary>Pack id for tags, list name for sanctions.</summary>
    public required string Source { get; init; }

    /// <summary>The tag's own source reference (URL), when it has one.</summary>
    public string? SourceReference { get; init; }

    public required string Currency { get; init; }

    public required string Label { get; init; }

    public string? ActorId { get; init; }

    public string? ActorLabel { get; init; }

    public string? Category { get; init; }

    public string? Abuse { get; init; }

    /// <summary>The actor's jurisdictions (ISO 3166-1 alpha-2); empty when no actor or none known.</summary>
    public IReadOnlyList<string> Jurisdictions { get; init; } = [];

    public string? Confidence { get; init; }

    /// <summary>Numeric confidence (GraphSense levels: ownership 100 … heuristic 10), when the id is known.</summary>
    public int? ConfidenceLevel { get; init; }

    public bool IsPublic { get; init; } = true;

    public SanctionDetails? Sanction { get; init; }
}
