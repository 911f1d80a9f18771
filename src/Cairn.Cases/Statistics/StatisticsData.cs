using System.Numerics;

namespace Cairn.Cases.Statistics;

/// <summary>Raw rows for statistics: each request (its body is Cairn.Legal's JSON, read by the application) and each approved ledger event.</summary>
public sealed record StatisticsData(IReadOnlyList<StatisticsData.Request> Requests, IReadOnlyList<StatisticsData.LedgerMovement> Movements)
{
    /// <summary>A request: <see cref="CaseKey"/> identifies its case within the agency (the case reference, or the request id when it has none).</summary>
    public sealed record Request(string Id, string Agency, string CaseKey, string RequestedState, string RequestType, string Status, string Body, DateTimeOffset CreatedAt);

    /// <summary>An approved ledger event: the case's owning agency, the acting authority's State, the event, asset, base units and the date it happened.</summary>
    public sealed record LedgerMovement(string CaseId, string Agency, string State, string Kind, string Chain, string Token, BigInteger Amount, int? Decimals, DateTimeOffset OccurredAt);
}
