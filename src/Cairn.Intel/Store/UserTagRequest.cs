namespace Cairn.Intel.Store;

/// <summary>A tag typed in by a user (<c>cairn intel tag add</c> or the API).</summary>
public sealed record UserTagRequest
{
    public required string Address { get; init; }
    public required string Currency { get; init; }
    public required string Label { get; init; }
    public required string Source { get; init; }
    public required string Creator { get; init; }
    public string? Category { get; init; }
    public string? Abuse { get; init; }
    public string? Actor { get; init; }
    public string Confidence { get; init; } = "forensic_investigation";
    public string? Context { get; init; }

    /// <summary>False (the default) keeps the tag agency-private: it is never exported as public.</summary>
    public bool IsPublic { get; init; }
}
