namespace Cairn.Cases.Traces;

/// <summary>
/// A trace kept with a case: the request exactly as run and the chain tip it ran on, so anyone
/// can re-run it and must get <see cref="ResultSha256"/> again; the result JSON is what the
/// investigator saw (and what an evidence package carries).
/// </summary>
public sealed record CaseTrace
{
    public required string Id { get; init; }

    public required string CaseId { get; init; }

    public required string Chain { get; init; }

    public required string Title { get; init; }

    public required string RequestJson { get; init; }

    public required long TipHeight { get; init; }

    public required string TipHash { get; init; }

    /// <summary>Null in listings (results can be large); loaded by id.</summary>
    public string? ResultJson { get; init; }

    public required string ResultSha256 { get; init; }

    public required string CreatedBy { get; init; }

    public required string Agency { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
