using System.Text.Json;
using System.Text.Json.Serialization;
using Cairn.Tracing.Taint;

namespace Cairn.Tracing.Tracing;

/// <summary>
/// The JSON form of a <see cref="SavedTrace"/> (snake_case, enums as lower-case names, amounts
/// as strings as everywhere in Cairn). Every field of <see cref="TraceRequest"/> is written, so
/// a request read back equals the one written, defaults included: a later change of a default
/// cannot change what a saved trace means.
/// </summary>
public static class TraceRequestJson
{
    /// <summary>Format tag written into every document, checked on reading.</summary>
    public const string Format = "cairn-trace-request/1";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        WriteIndented = true,
    };

    public static string Serialize(SavedTrace saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var request = saved.Request;
        return JsonSerializer.Serialize(new Document
        {
            Format = Format,
            Chain = saved.Chain,
            TipHeight = saved.TipHeight,
            TipHash = saved.TipHash,
            From = [.. request.From],
            Direction = request.Direction,
            Model = request.Model,
            MaxHops = request.MaxHops,
            MinAmountSat = request.MinAmountSat.ToString(System.Globalization.CultureInfo.InvariantCulture),
            TimeLimit = request.TimeLimit,
            ThroughCoinjoin = request.ThroughCoinJoin,
            LargeClusterSize = request.LargeClusterSize,
            MaxTransactions = request.MaxTransactions,
            MaxPathsPerEndpoint = request.MaxPathsPerEndpoint,
            StopCategories = [.. request.StopCategories.Order(StringComparer.Ordinal)],
        }, Options);
    }

    /// <summary>Reads a saved trace; a malformed document is a <see cref="Cairn.Core.CairnException"/> naming what is wrong.</summary>
    public static SavedTrace Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        Document document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, Options) ?? throw new Cairn.Core.CairnException("saved trace: empty document");
        }
        catch (JsonException ex)
        {
            throw new Cairn.Core.CairnException($"saved trace: malformed JSON at {ex.Path ?? "$"}: {ex.Message.Split('.')[0]}");
        }
        if (document.Format != Format) throw new Cairn.Core.CairnException($"saved trace: format '{document.Format}' is not {Format}");
        if (document.From is not { Count: > 0 }) throw new Cairn.Core.CairnException("saved trace: 'from' is missing or empty");
        if (!long.TryParse(document.MinAmountSat, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var minAmount))
            throw new Cairn.Core.CairnException($"saved trace: min_amount_sat '{document.MinAmountSat}' is not a whole number of satoshi");
        var request = new TraceRequest
        {
            From = document.From,
            Direction = document.Direction,
            Model = document.Model,
            MaxHops = document.MaxHops,
            MinAmountSat = minAmount,
            TimeLimit = document.TimeLimit,
            ThroughCoinJoin = document.ThroughCoinjoin,
            LargeClusterSize = document.LargeClusterSize,
            MaxTransactions = document.MaxTransactions,
            MaxPathsPerEndpoint = document.MaxPathsPerEndpoint,
            StopCategories = document.StopCategories is null
                ? TraceRequest.DefaultStopCategories
                : new HashSet<string>(document.StopCategories, StringComparer.OrdinalIgnoreCase),
        };
        // Documents written before chains were a parameter name btc (or nothing).
        return new SavedTrace(request, document.TipHeight, document.TipHash ?? "", string.IsNullOrWhiteSpace(document.Chain) ? "btc" : document.Chain.Trim().ToLowerInvariant());
    }

    private sealed class Document
    {
        public string? Format { get; set; }
        public string? Chain { get; set; }
        public long TipHeight { get; set; }
        public string? TipHash { get; set; }
        public List<string>? From { get; set; }
        public TraceDirection Direction { get; set; }
        public TaintModel Model { get; set; }
        public int MaxHops { get; set; }
        public string MinAmountSat { get; set; } = "0";
        public DateTimeOffset? TimeLimit { get; set; }
        public bool ThroughCoinjoin { get; set; }
        public long LargeClusterSize { get; set; }
        public int MaxTransactions { get; set; }
        public int MaxPathsPerEndpoint { get; set; }
        public List<string>? StopCategories { get; set; }
    }
}
