namespace Cairn.Cases.Watchlists;

/// <summary>
/// Funds a case watches moved (<see cref="Kind"/>: funds_left, reached_service, reached_sanctioned,
/// threshold): the watch, the transaction and its block, from and to, the exact amount in base units of
/// <see cref="Asset"/>, the service and its States when one was reached, and the timing: the block's
/// time, when the ingest that read it started (<see cref="SeenAt"/>) and when the alert was raised
/// (<see cref="LatencyMs"/> is raised minus seen). <see cref="State"/>: open, acknowledged, drafted.
/// </summary>
public sealed record WatchAlert
{
    public const string FundsLeft = "funds_left";
    public const string ReachedService = "reached_service";
    public const string ReachedSanctioned = "reached_sanctioned";
    public const string Threshold = "threshold";

    public required string Id { get; init; }
    public required string CaseId { get; init; }
    public required string CaseReference { get; init; }
    public required string WatchId { get; init; }
    public required string Chain { get; init; }
    public required string Kind { get; init; }
    public required string TxId { get; init; }
    public required long BlockHeight { get; init; }
    public DateTimeOffset? BlockTime { get; init; }
    public required string From { get; init; }
    public string? To { get; init; }
    public required string Amount { get; init; }
    public required string Asset { get; init; }
    public string? Actor { get; init; }
    public string? ActorLabel { get; init; }
    public IReadOnlyList<string> Jurisdictions { get; init; } = [];
    public required string Detail { get; init; }
    public required DateTimeOffset SeenAt { get; init; }
    public required DateTimeOffset RaisedAt { get; init; }
    public long LatencyMs => (long)(RaisedAt - SeenAt).TotalMilliseconds;
    public string State { get; init; } = "open";
    public IReadOnlyList<string> Requests { get; init; } = [];
}
