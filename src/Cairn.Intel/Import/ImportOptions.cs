namespace Cairn.Intel.Import;

/// <summary>How a file is imported.</summary>
public sealed record ImportOptions
{
    /// <summary>Refuse the whole file when any entry has an issue.</summary>
    public bool Strict { get; init; }

    /// <summary>Pack id to use instead of the file name without extension.</summary>
    public string? PackId { get; init; }

    /// <summary>Visibility of tags whose pack header has no <c>is_public</c>.</summary>
    public bool DefaultIsPublic { get; init; } = true;

    /// <summary>Publication date of a sanctions list file (OFAC files do not carry one inside).</summary>
    public DateOnly? ListDate { get; init; }

    public static ImportOptions Default { get; } = new();
}
