using System.Globalization;
using Cairn.Core;
using Cairn.Tracing.Taint;
using Cairn.Tracing.Tracing;

namespace Cairn.Workspace.Tracing;

/// <summary>
/// A trace as people and scripts ask for it (the API body, and what a saved trace stores):
/// plain strings and numbers, checked and turned into a <see cref="TraceRequest"/> with one-line errors.
/// </summary>
public sealed record TraceParameters
{
    public string Chain { get; init; } = "btc";

    public IReadOnlyList<string> From { get; init; } = [];

    public string Direction { get; init; } = "forward";

    public string Model { get; init; } = "haircut";

    public int MaxHops { get; init; } = 10;

    public long MinAmountSat { get; init; }

    public string? Until { get; init; }

    public bool ThroughCoinjoin { get; init; }

    public TraceRequest ToRequest()
    {
        if (!string.Equals(Chain, "btc", StringComparison.OrdinalIgnoreCase))
            throw new CairnException($"chain '{Chain}' cannot be traced here: btc (Ethereum traces: cairn trace --chain eth)");
        if (From.Count == 0 || From.Any(string.IsNullOrWhiteSpace)) throw new CairnException("from: give at least one address, txid:vout or txid");
        if (MaxHops is < 1 or > 100) throw new CairnException($"max_hops {MaxHops} is out of range 1–100");
        if (MinAmountSat < 0) throw new CairnException($"min_amount_sat {MinAmountSat} is negative");
        return new TraceRequest
        {
            From = From.Select(f => f.Trim()).ToList(),
            Direction = Parse<TraceDirection>(Direction, "direction", "forward|backward"),
            Model = Parse<TaintModel>(Model, "model", "poison|haircut|fifo|lifo|tiho"),
            MaxHops = MaxHops,
            MinAmountSat = MinAmountSat,
            TimeLimit = Until is null ? null
                : DateTimeOffset.TryParse(Until, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time
                : throw new CairnException($"until '{Until}' is not a time (ISO 8601, e.g. 2024-05-01T00:00:00Z)"),
            ThroughCoinJoin = ThroughCoinjoin,
        };
    }

    private static T Parse<T>(string text, string field, string allowed) where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var value) && !int.TryParse(text, out _)
            ? value : throw new CairnException($"{field} '{text}' is not one of {allowed}");
}
