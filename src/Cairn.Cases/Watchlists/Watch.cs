namespace Cairn.Cases.Watchlists;

/// <summary>
/// What a case watches on a chain: an address, a multi-input cluster (by one of its addresses) or a
/// service (an actor id). <see cref="Kind"/> <c>followed</c> marks an address the funds of a watch
/// reached (<see cref="Origin"/> names that watch, <see cref="Hops"/> how far), added by ingest so
/// money moving on is still seen. A threshold (base units) raises an alert when that much leaves at once.
/// </summary>
public sealed record Watch
{
    public const string Address = "address";
    public const string Cluster = "cluster";
    public const string Actor = "actor";
    public const string Followed = "followed";

    public required string Id { get; init; }
    public required string CaseId { get; init; }
    public required string CaseReference { get; init; }
    public required string Chain { get; init; }
    public required string Kind { get; init; }
    public required string Value { get; init; }
    public string? Label { get; init; }
    public string? ThresholdBaseUnits { get; init; }
    public string? Origin { get; init; }
    public int Hops { get; init; }
    public required string CreatedBy { get; init; }
    public required string Agency { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
