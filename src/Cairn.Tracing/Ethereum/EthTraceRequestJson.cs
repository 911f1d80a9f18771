using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cairn.Core;

namespace Cairn.Tracing.Ethereum;

/// <summary>
/// The JSON form of a saved Ethereum trace request (format <c>cairn-eth-trace-request/1</c>): every
/// field of <see cref="EthTraceRequest"/> written, defaults included, with the block the index
/// stood at, so a re-run means exactly what the saved trace meant. Amounts as strings.
/// </summary>
public static class EthTraceRequestJson
{
    public const string Format = "cairn-eth-trace-request/1";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        WriteIndented = true,
    };

    public static string Serialize(EthTraceRequest request, long? tipBlock, string? tipHash)
    {
        ArgumentNullException.ThrowIfNull(request);
        return JsonSerializer.Serialize(new Document
        {
            Format = Format, Chain = "eth", TipBlock = tipBlock, TipHash = tipHash, Seed = request.Seed, Asset = request.Asset, Model = request.Model,
            MaxHops = request.MaxHops, MinAmount = request.MinAmount.ToString(CultureInfo.InvariantCulture), FromTime = request.FromTime, ToTime = request.ToTime,
            MaxTransfers = request.MaxTransfers, MaxPathsPerEndpoint = request.MaxPathsPerEndpoint,
        }, Options);
    }

    /// <summary>Reads a saved request; a malformed document is a <see cref="CairnException"/> naming what is wrong.</summary>
    public static EthTraceRequest Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        Document document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, Options) ?? throw new CairnException("saved Ethereum trace: empty document");
        }
        catch (JsonException ex)
        {
            throw new CairnException($"saved Ethereum trace: malformed JSON at {ex.Path ?? "$"}: {ex.Message.Split('.')[0]}");
        }
        if (document.Format != Format) throw new CairnException($"saved Ethereum trace: format '{document.Format}' is not {Format}");
        if (string.IsNullOrWhiteSpace(document.Seed)) throw new CairnException("saved Ethereum trace: 'seed' is missing");
        if (!BigInteger.TryParse(document.MinAmount, NumberStyles.None, CultureInfo.InvariantCulture, out var minimum))
            throw new CairnException($"saved Ethereum trace: min_amount '{document.MinAmount}' is not a whole number of base units");
        return new EthTraceRequest(document.Seed)
        {
            Asset = document.Asset ?? "ETH", Model = document.Model, MaxHops = document.MaxHops, MinAmount = minimum, FromTime = document.FromTime, ToTime = document.ToTime,
            MaxTransfers = document.MaxTransfers, MaxPathsPerEndpoint = document.MaxPathsPerEndpoint,
        };
    }

    private sealed class Document
    {
        public string? Format { get; set; }
        public string? Chain { get; set; }
        public long? TipBlock { get; set; }
        public string? TipHash { get; set; }
        public string? Seed { get; set; }
        public string? Asset { get; set; }
        public EthTaintModel Model { get; set; }
        public int MaxHops { get; set; }
        public string MinAmount { get; set; } = "1";
        public long? FromTime { get; set; }
        public long? ToTime { get; set; }
        public long MaxTransfers { get; set; }
        public int MaxPathsPerEndpoint { get; set; }
    }
}
