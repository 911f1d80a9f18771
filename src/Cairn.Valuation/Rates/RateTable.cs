namespace Cairn.Valuation.Rates;

/// <summary>
/// An imported table of daily rates for one asset in one fiat currency, with its provenance: who
/// published the rates (<see cref="Source"/>), the file it came from and that file's SHA-256, who
/// imported it and when. The newest import of an (asset, currency) pair is the one used.
/// </summary>
public sealed record RateTable
{
    public required string Id { get; init; }

    /// <summary>BTC, ETH, a token symbol (upper case) or a token contract (0x…, lower case); USD or EUR as an asset for cross rates.</summary>
    public required string Asset { get; init; }

    /// <summary>ISO 4217 code (USD, EUR, …).</summary>
    public required string Currency { get; init; }

    public required string Source { get; init; }

    public required string FileName { get; init; }

    public required string FileSha256 { get; init; }

    public required int Points { get; init; }

    public required DateOnly FirstDate { get; init; }

    public required DateOnly LastDate { get; init; }

    public required string ImportedBy { get; init; }

    public required DateTimeOffset ImportedAt { get; init; }
}
