using System.Globalization;
using Cairn.Core;
using System.Numerics;
using Cairn.Tracing.Ethereum;
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

    /// <summary>Null: haircut for Bitcoin, FIFO for Ethereum accounts.</summary>
    public string? Model { get; init; }

    /// <summary>Ethereum only: ETH or a token contract address.</summary>
    public string Asset { get; init; } = "ETH";

    public int MaxHops { get; init; } = 10;

    public long MinAmountSat { get; init; }

    public string? Until { get; init; }

    public bool ThroughCoinjoin { get; init; }

    /// <summary>The parameters a Bitcoin request was made from (what a report echoes).</summary>
    public static TraceParameters Of(TraceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new TraceParameters
        {
            From = request.From,
            Direction = Snake(request.Direction.ToString()),
            Model = Snake(request.Model.ToString()),
            MaxHops = request.MaxHops,
            MinAmountSat = request.MinAmountSat,
            Until = request.TimeLimit?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ThroughCoinjoin = request.ThroughCoinJoin,
        };
    }

    private static string Snake(string name) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    public bool IsEthereum => string.Equals(Chain, "eth", StringComparison.OrdinalIgnoreCase);

    public TraceRequest ToRequest()
    {
        if (!string.Equals(Chain, "btc", StringComparison.OrdinalIgnoreCase))
            throw new CairnException($"chain '{Chain}' is not one of btc, eth");
        RequireCommon();
        return new TraceRequest
        {
            From = From.Select(f => f.Trim()).ToList(),
            Direction = Parse<TraceDirection>(Direction, "direction", "forward|backward"),
            Model = Parse<TaintModel>(Model ?? "haircut", "model", "poison|haircut|fifo|lifo|tiho"),
            MaxHops = MaxHops,
            MinAmountSat = MinAmountSat,
            TimeLimit = ParseUntil(),
            ThroughCoinJoin = ThroughCoinjoin,
        };
    }

    /// <summary>The Ethereum form: one seed address, forward only (account tracing follows value out of an address).</summary>
    public EthTraceRequest ToEthRequest()
    {
        RequireCommon();
        if (From.Count != 1) throw new CairnException($"from: an Ethereum trace starts at one address, got {From.Count}");
        if (!string.Equals(Direction, "forward", StringComparison.OrdinalIgnoreCase)) throw new CairnException($"direction '{Direction}': Ethereum traces go forward only");
        return new EthTraceRequest(From[0].Trim())
        {
            Asset = string.IsNullOrWhiteSpace(Asset) ? "ETH" : Asset.Trim(),
            Model = Parse<EthTaintModel>(Model ?? "fifo", "model", "fifo|haircut|poison"),
            MaxHops = MaxHops,
            MinAmount = MinAmountSat > 0 ? MinAmountSat : BigInteger.One,
            ToTime = ParseUntil()?.ToUnixTimeSeconds(),
        };
    }

    private DateTimeOffset? ParseUntil() => Until is null ? null
        : DateTimeOffset.TryParse(Until, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time
        : throw new CairnException($"until '{Until}' is not a time (ISO 8601, e.g. 2024-05-01T00:00:00Z)");

    private void RequireCommon()
    {
        if (From.Count == 0 || From.Any(string.IsNullOrWhiteSpace)) throw new CairnException("from: give at least one address, txid:vout or txid");
        if (MaxHops is < 1 or > 100) throw new CairnException($"max_hops {MaxHops} is out of range 1–100");
        if (MinAmountSat < 0) throw new CairnException($"min_amount_sat {MinAmountSat} is negative");
    }

    private static T Parse<T>(string text, string field, string allowed) where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var value) && !int.TryParse(text, out _)
            ? value : throw new CairnException($"{field} '{text}' is not one of {allowed}");
}
