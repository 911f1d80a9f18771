namespace Cairn.Intel.Store;

/// <summary>What the intelligence store holds.</summary>
public sealed record IntelStats
{
    public required int TagCount { get; init; }

    public required int ActorCount { get; init; }

    public required int SanctionedAddressCount { get; init; }

    public required IReadOnlyList<PackInfo> Packs { get; init; }

    /// <summary>Tag counts per currency code, largest first.</summary>
    public required IReadOnlyList<KeyValuePair<string, int>> TagsByCurrency { get; init; }

    /// <summary>Tag counts per category (or abuse when no category), largest first.</summary>
    public required IReadOnlyList<KeyValuePair<string, int>> TagsByCategory { get; init; }
}
