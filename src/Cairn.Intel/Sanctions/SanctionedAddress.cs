namespace Cairn.Intel.Sanctions;

/// <summary>
/// A digital-currency address on a sanctions list. <see cref="Entry"/> is null when the list
/// names no entry for it (the per-asset lists carry bare addresses; when SDN.CSV does not
/// mention the address either, Cairn says "name unavailable" rather than guess).
/// </summary>
public sealed record SanctionedAddress
{
    /// <summary>Asset code as OFAC writes it (XBT, ETH, USDT, TRX…).</summary>
    public required string Currency { get; init; }

    /// <summary>The address as listed (trimmed).</summary>
    public required string Address { get; init; }

    public SanctionEntry? Entry { get; init; }

    /// <summary>Which list it came from (e.g. "OFAC SDN").</summary>
    public required string ListName { get; init; }

    /// <summary>Publication date of the list version it was read from, when known.</summary>
    public DateOnly? ListDate { get; init; }

    /// <summary>The file it was read from (name only), for provenance.</summary>
    public required string SourceFile { get; init; }

    public const string NameUnavailable = "name unavailable";

    /// <summary>The SDN entry name, or "name unavailable".</summary>
    public string EntryName => Entry?.Name ?? NameUnavailable;
}
