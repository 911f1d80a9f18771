using System.Globalization;
using System.Numerics;
using System.Text.Json.Serialization;
using Cairn.Chains;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Core;
using Cairn.Tracing.Ethereum;
using Cairn.Tracing.Taint;
using Cairn.Tracing.Tracing;

namespace Cairn.Workspace.Tracing;

/// <summary>
/// The one shape of a trace request: what the CLI builds from its options, what the API takes as
/// a body (POST /api/v1/trace, and a case's saved traces), and what every report echoes. Plain
/// strings and numbers, checked once here (one message per parameter, naming the field) and turned
/// into the tracer's own request. Fields of one chain only are left out for the other
/// (<see cref="Normalized"/>): a Bitcoin request carries no asset, an Ethereum one no CoinJoin
/// choice; amounts are strings of base units.
/// </summary>
public sealed record TraceParameters
{
    public string Chain { get; init; } = "btc";

    public IReadOnlyList<string> From { get; init; } = [];

    public string Direction { get; init; } = "forward";

    /// <summary>Null: haircut for Bitcoin, FIFO for Ethereum accounts.</summary>
    public string? Model { get; init; }

    /// <summary>Ethereum only: ETH or a token contract address (null: ETH).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Asset { get; init; }

    public int MaxHops { get; init; } = 10;

    /// <summary>Bitcoin: outputs carrying less taint than this many satoshi end the trace (an integer string; a number is accepted on reading).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonConverter(typeof(AmountTextConverter))]
    public string? MinAmountSat { get; init; }

    /// <summary>Ethereum: transfers of less than this many base units (wei or token units) are not followed (default 1).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonConverter(typeof(AmountTextConverter))]
    public string? MinAmount { get; init; }

    public string? Until { get; init; }

    /// <summary>Bitcoin only: continue through CoinJoins with haircut (default: stop there).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? ThroughCoinjoin { get; init; }

    /// <summary>True for an account chain of the registry (Ethereum and the other EVM chains): the account tracer answers.</summary>
    [JsonIgnore]
    public bool IsEthereum => ChainRegistry.Find(Chain)?.Family == ChainFamily.Account;

    /// <summary>The same request with only its chain's fields (the chain lower-cased; an account chain's asset defaults to its native coin).</summary>
    public TraceParameters Normalized()
    {
        var chain = (Chain ?? "").Trim().ToLowerInvariant();
        return ChainRegistry.Find(chain) is { Family: ChainFamily.Account } account
            ? this with { Chain = chain, ThroughCoinjoin = null, MinAmountSat = null, Asset = string.IsNullOrWhiteSpace(Asset) ? account.Symbol : Asset.Trim() }
            : this with { Chain = chain, Asset = null, MinAmount = null, MinAmountSat = MinAmountSat ?? "0", ThroughCoinjoin = ThroughCoinjoin ?? false };
    }

    /// <summary>The parameters a UTXO-chain request was made from (what a report echoes).</summary>
    public static TraceParameters Of(TraceRequest request, string chain = "btc")
    {
        ArgumentNullException.ThrowIfNull(request);
        return new TraceParameters
        {
            Chain = chain,
            From = request.From,
            Direction = Snake(request.Direction.ToString()),
            Model = Snake(request.Model.ToString()),
            MaxHops = request.MaxHops,
            MinAmountSat = request.MinAmountSat.ToString(CultureInfo.InvariantCulture),
            Until = request.TimeLimit?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ThroughCoinjoin = request.ThroughCoinJoin,
        };
    }

    /// <summary>The parameters an account-chain request was made from (what a report echoes).</summary>
    public static TraceParameters Of(EthTraceRequest request, string model, string chain = "eth")
    {
        ArgumentNullException.ThrowIfNull(request);
        return new TraceParameters
        {
            Chain = chain,
            From = [request.Seed],
            Model = model,
            Asset = request.Asset,
            MaxHops = request.MaxHops,
            MinAmount = request.MinAmount.ToString(CultureInfo.InvariantCulture),
            Until = request.ToTime is { } to ? DateTimeOffset.FromUnixTimeSeconds(to).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : null,
        };
    }

    private static string Snake(string name) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    /// <summary>The chain of the request, which must be a traceable chain of the registry; a validation error on <c>chain</c> otherwise.</summary>
    public ChainDefinition Definition()
    {
        var chain = ChainRegistry.Get(Chain);
        if (!chain.Support.Trace) throw CairnException.Invalid("chain", $"chain '{chain.Id}' ({chain.Name}) cannot be traced: {chain.Limitation}");
        return chain;
    }

    /// <summary>The UTXO tracer's request; one-line errors naming the field.</summary>
    public TraceRequest ToRequest()
    {
        if (Definition().Family != ChainFamily.Utxo)
            throw CairnException.Invalid("chain", $"chain '{Chain}' is an account chain: trace it with the account tracer");
        RequireCommon();
        var minimum = ParseAmount(MinAmountSat, "min_amount_sat") ?? BigInteger.Zero;
        if (minimum > long.MaxValue) throw CairnException.Invalid("min_amount_sat", $"min_amount_sat {MinAmountSat} is larger than any Bitcoin amount");
        return new TraceRequest
        {
            From = From.Select(f => f.Trim()).ToList(),
            Direction = Parse<TraceDirection>(Direction, "direction", "forward|backward"),
            Model = Parse<TaintModel>(Model ?? "haircut", "model", "poison|haircut|fifo|lifo|tiho"),
            MaxHops = MaxHops,
            MinAmountSat = (long)minimum,
            TimeLimit = ParseUntil(),
            ThroughCoinJoin = ThroughCoinjoin ?? false,
        };
    }

    /// <summary>The Ethereum form: one seed address, forward only (account tracing follows value out of an address).</summary>
    public EthTraceRequest ToEthRequest()
    {
        var chain = Definition();
        if (chain.Family != ChainFamily.Account) throw CairnException.Invalid("chain", $"chain '{Chain}' is a UTXO chain: trace it with the UTXO tracer");
        RequireCommon();
        if (From.Count != 1) throw CairnException.Invalid("from", $"from: an Ethereum trace starts at one address, got {From.Count}");
        try
        {
            // Checked before the index is opened, so a mistyped seed is named as such even where no index exists yet.
            EthAddress.Normalize(From[0]);
        }
        catch (CairnException ex) when (ex.Field is null)
        {
            throw new CairnException(ex.Message, ex) { Field = "from" };
        }
        if (!string.Equals(Direction, "forward", StringComparison.OrdinalIgnoreCase)) throw CairnException.Invalid("direction", $"direction '{Direction}': Ethereum traces go forward only");
        var minimum = ParseAmount(MinAmount, "min_amount");
        return new EthTraceRequest(From[0].Trim())
        {
            Asset = ResolveAsset(chain, Asset),
            Model = Parse<EthTaintModel>(Model ?? "fifo", "model", "fifo|haircut|poison"),
            MaxHops = MaxHops,
            MinAmount = minimum is { } m && m > 0 ? m : BigInteger.One,
            ToTime = ParseUntil()?.ToUnixTimeSeconds(),
        };
    }

    /// <summary>
    /// The asset as the index names it: the native coin (ETH, or the chain's symbol) as "ETH", a
    /// token the registry lists for the chain by its symbol (USDT, USDC) as its contract, anything
    /// else (a contract address) as given.
    /// </summary>
    private static string ResolveAsset(ChainDefinition chain, string? asset)
    {
        if (string.IsNullOrWhiteSpace(asset)) return "ETH";
        var trimmed = asset.Trim();
        if (trimmed.Equals(chain.Symbol, StringComparison.OrdinalIgnoreCase) || trimmed.Equals("ETH", StringComparison.OrdinalIgnoreCase)) return "ETH";
        return chain.Tokens.FirstOrDefault(t => t.Symbol.Equals(trimmed, StringComparison.OrdinalIgnoreCase))?.Contract ?? trimmed;
    }

    private DateTimeOffset? ParseUntil() => Until is null ? null
        : DateTimeOffset.TryParse(Until, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time
        : throw CairnException.Invalid("until", $"until '{Until}' is not a time (ISO 8601, e.g. 2024-05-01T00:00:00Z)");

    private void RequireCommon()
    {
        if (From is null || From.Count == 0 || From.Any(string.IsNullOrWhiteSpace)) throw CairnException.Invalid("from", "from: give at least one address, txid:vout or txid");
        if (MaxHops is < 1 or > 100) throw CairnException.Invalid("max_hops", $"max_hops {MaxHops} is out of range 1–100");
    }

    private static BigInteger? ParseAmount(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        if (trimmed.StartsWith('-')) throw CairnException.Invalid(field, $"{field} {trimmed} is negative");
        return trimmed.All(char.IsAsciiDigit)
            ? BigInteger.Parse(trimmed, CultureInfo.InvariantCulture)
            : throw CairnException.Invalid(field, $"{field} '{trimmed}' is not a whole number of base units");
    }

    private static T Parse<T>(string text, string field, string allowed) where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var value) && !int.TryParse(text, out _)
            ? value : throw CairnException.Invalid(field, $"{field} '{text}' is not one of {allowed}");
}
