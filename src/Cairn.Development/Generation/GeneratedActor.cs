using System.Text.Json.Serialization;

namespace Cairn.Development.Generation;

/// <summary>A fictional service in a generated chain, with the addresses it controls (ground truth).</summary>
public sealed record GeneratedActor
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("label")] public required string Label { get; init; }
    [JsonPropertyName("category")] public required string Category { get; init; }
    [JsonPropertyName("jurisdictions")] public required IReadOnlyList<string> Jurisdictions { get; init; }

    /// <summary>Addresses a public tag would name (hot wallets); deposit addresses are found by clustering.</summary>
    [JsonPropertyName("tagged_addresses")] public List<string> TaggedAddresses { get; init; } = [];

    /// <summary>Every address the actor used (for tests of clustering and attribution).</summary>
    [JsonPropertyName("all_addresses")] public List<string> AllAddresses { get; init; } = [];
}
