namespace Cairn.Tracing.Ethereum;

/// <summary>Where the traced value went (same shape as the Bitcoin trace); amounts are exact base units as strings.</summary>
public sealed record EthTraceResult(
    string Seed,
    string Asset,
    string? TokenContract,
    int? Decimals,
    string Model,
    string SeedAmount,
    IReadOnlyList<EthTraceEndpoint> Endpoints,
    IReadOnlyList<EthJurisdictionTotal> JurisdictionTotals,
    IReadOnlyList<EthTraceBound> BoundsHit,
    long ExaminedTransfers);
