using System.Text.Json;
using System.Text.Json.Serialization;
using Cairn.Core;

namespace Cairn.Workspace.Exchange;

/// <summary>
/// The body of a match_filter or match_hit envelope (JSON, schemas/deconfliction-message.schema.json): the filter it is about, and for
/// an answer the keyed hashes (HMAC-SHA256 under the filter's key) of the addresses that hit, whether it asks for contact, and who asks.
/// Nothing of a case travels: no reference, title, subject or address in clear.
/// </summary>
public sealed record DeconflictionMessage
{
    public const string FormatName = "cairn-deconfliction/1";

    [JsonPropertyName("format")] public string Format { get; init; } = FormatName;

    [JsonPropertyName("filter_id")] public string FilterId { get; init; } = "";

    [JsonPropertyName("keyed_hashes")] public IReadOnlyList<string> KeyedHashes { get; init; } = [];

    [JsonPropertyName("contact")] public bool Contact { get; init; }

    [JsonPropertyName("user")] public string? User { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>Reads a body; anything else is one line naming the message and what was wrong.</summary>
    public static DeconflictionMessage Parse(string json, string source)
    {
        DeconflictionMessage? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<DeconflictionMessage>(json, new JsonSerializerOptions { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow });
        }
        catch (JsonException ex)
        {
            throw new CairnException($"{source}: not a deconfliction message ({UserText.Quote(ex.Message, 160)})", ex);
        }
        if (parsed is null || parsed.Format != FormatName) throw new CairnException($"{source}: not a deconfliction message (format must be '{FormatName}')");
        if (string.IsNullOrWhiteSpace(parsed.FilterId) || parsed.FilterId.Length > 100) throw new CairnException($"{source}: filter_id is missing or too long");
        if (parsed.KeyedHashes.Count > 100_000 || parsed.KeyedHashes.Any(h => h is null || h.Length != 64 || !h.All(char.IsAsciiHexDigitLower)))
            throw new CairnException($"{source}: keyed_hashes must be at most 100000 lowercase SHA-256 hex strings");
        return parsed;
    }
}
