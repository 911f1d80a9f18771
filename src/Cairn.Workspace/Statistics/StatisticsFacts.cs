using System.Numerics;
using System.Text.Json;
using Cairn.Cases.Ledger;
using Cairn.Cases.Statistics;
using Cairn.Legal.Requests;

namespace Cairn.Workspace.Statistics;

/// <summary>
/// The stored rows reduced to what statistics count, inside the query's period: each request with its dates (sent, acknowledged,
/// executed, from its recorded status history) and each approved ledger movement that is a measure (freeze, seize, confiscate,
/// return, share). A request falls in the period it was sent in (drafted, when never sent); a movement in the period it happened.
/// </summary>
internal sealed record StatisticsFacts(IReadOnlyList<StatisticsFacts.Request> Requests, IReadOnlyList<StatisticsFacts.Movement> Movements)
{
    public static readonly IReadOnlyList<string> Measures = ["frozen", "seized", "confiscated", "returned", "shared"];

    public sealed record Request(string Agency, string CaseKey, string State, string Instrument, string Period, string Status,
        double? DaysToAcknowledgement, double? DaysToExecution, string? RefusalGround);

    public sealed record Movement(string Agency, string CaseKey, string State, string Period, string Chain, string Token, int? Decimals, string Measure, BigInteger Amount, DateOnly Day);

    public static StatisticsFacts From(StatisticsData data, DateOnly? from, DateOnly? to, string by)
    {
        var requests = new List<Request>();
        foreach (var row in data.Requests)
        {
            var request = JsonSerializer.Deserialize<LegalRequest>(row.Body, LegalJson.Options);
            var sent = request?.DateOf(RequestStatus.Sent);
            var anchor = sent ?? row.CreatedAt;
            if (!StatisticsPeriod.Within(anchor, from, to)) continue;
            var acknowledged = request?.DateOf(RequestStatus.Acknowledged);
            var executed = request?.DateOf(RequestStatus.Executed) ?? request?.DateOf(RequestStatus.PartiallyExecuted);
            requests.Add(new Request(row.Agency, row.Agency + "/" + row.CaseKey, row.RequestedState, row.RequestType, StatisticsPeriod.Key(anchor, by), row.Status,
                Days(sent, acknowledged), Days(sent, executed), row.Status == "refused" ? request?.RefusalGround ?? "not given" : null));
        }
        var movements = new List<Movement>();
        foreach (var m in data.Movements)
        {
            if (Measure(m.Kind) is not { } measure || !StatisticsPeriod.Within(m.OccurredAt, from, to)) continue;
            movements.Add(new Movement(m.Agency, m.Agency + "/" + m.CaseId, m.State, StatisticsPeriod.Key(m.OccurredAt, by), m.Chain, m.Token,
                m.Decimals ?? AssetDecimals.Native(new AssetKey(m.Chain, m.Token, "")) ?? Ledger.LedgerService.Decimals(new AssetKey(m.Chain, m.Token, "")),
                measure, m.Amount, DateOnly.FromDateTime(m.OccurredAt.UtcDateTime)));
        }
        return new StatisticsFacts(requests, movements);
    }

    public static double? Median(IEnumerable<double?> values)
    {
        var sorted = values.Where(v => v is not null).Select(v => v!.Value).Order().ToList();
        if (sorted.Count == 0) return null;
        var middle = sorted.Count / 2;
        return Math.Round(sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2, 1);
    }

    private static double? Days(DateTimeOffset? start, DateTimeOffset? end) =>
        start is { } s && end is { } e && e >= s ? Math.Round((e - s).TotalDays, 2) : null;

    private static string? Measure(string kind) => kind switch
    {
        "freeze" => "frozen",
        "seize" => "seized",
        "confiscate" => "confiscated",
        "return_to_victim" or "return_to_state" => "returned",
        "share" => "shared",
        _ => null,
    };
}
