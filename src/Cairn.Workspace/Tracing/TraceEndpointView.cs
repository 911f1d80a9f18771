using System.Text.Json.Serialization;
using Cairn.Valuation.Rates;

namespace Cairn.Workspace.Tracing;

/// <summary>
/// An endpoint of a saved trace as the trace tab pages it, the same for both chains: where value
/// stopped (<see cref="Key"/>: the output on Bitcoin, the address on Ethereum), its entity and
/// attribution, the exact amount in base units, why it stopped, when the value arrived, the paths
/// (outputs on Bitcoin, transaction hashes on Ethereum) and, when asked for, the fiat value.
/// </summary>
public sealed record TraceEndpointView(string Key, string? Address, string? EntityId, string? Actor, string? ActorLabel, string? Category,
    IReadOnlyList<string> Jurisdictions, double? Confidence, string Amount, string AmountDecimal, double Share, int Hops, string Reason, bool Sanctioned,
    DateTimeOffset? Time, IReadOnlyList<IReadOnlyList<string>> Paths)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FiatValue? Fiat { get; init; }

    public static TraceEndpointView Of(TraceReport.Endpoint e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Output, e.Address, e.EntityId, e.Actor, e.ActorLabel, e.Category, e.Jurisdictions, e.Confidence, e.AmountSat, e.AmountBtc, e.Share, e.Hops, e.Reason,
            e.Sanctioned, e.Time, e.Paths);
    }

    public static TraceEndpointView Of(EthTraceReport.Endpoint e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Address, e.Address, e.EntityId, e.Actor, e.Actor, e.Category, e.Jurisdictions, e.Confidence, e.Amount, e.AmountDecimal, e.Share, e.Hops, e.Reason,
            false, e.Time, [.. e.Paths.Select(p => (IReadOnlyList<string>)[.. p.Select(s => s.TransactionHash)])]);
    }
}
