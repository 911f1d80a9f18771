using System.Text.Json.Serialization;

namespace Cairn.Workspace.Tracing;

/// <summary>
/// An entity of a trace as JSON (`trace --json` <c>entities</c>, the API, saved traces): who it is
/// (<see cref="Kind"/> actor, cluster or address), the exact amount of the endpoints inside it in
/// base units (<c>amount_sat</c> on Bitcoin, <c>amount_wei</c> for ETH, <c>amount</c> for tokens;
/// the entities' amounts add up to the endpoints' total), what its addresses received on the listed
/// paths, when value first and last arrived (block times), and the endpoints' value in USD and EUR
/// at the rates of the days the value arrived (null when a day has no rate; the report's
/// <c>fiat</c> names the tables used).
/// </summary>
public sealed record TraceEntityView
{
    public required string EntityId { get; init; }
    public required string Kind { get; init; }
    public required string Label { get; init; }
    public string? Actor { get; init; }
    public string? Category { get; init; }
    public IReadOnlyList<string> Jurisdictions { get; init; } = [];

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AmountSat { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AmountWei { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Amount { get; init; }

    public required string AmountDecimal { get; init; }
    public required string Received { get; init; }
    public required int Endpoints { get; init; }
    public required int Addresses { get; init; }
    public DateTimeOffset? FirstSeen { get; init; }
    public DateTimeOffset? LastSeen { get; init; }
    public string? ValueUsd { get; init; }
    public string? ValueEur { get; init; }
    public double? Confidence { get; init; }
    public string? AttributionSource { get; init; }
    public uint? ClusterId { get; init; }
    public long? ClusterSize { get; init; }
    public bool Sanctioned { get; init; }
    public bool Seed { get; init; }
    public int HopTransactions { get; init; }

    /// <summary>The exact amount whichever field carries it.</summary>
    [JsonIgnore]
    public string BaseUnits => AmountSat ?? AmountWei ?? Amount ?? "0";
}
