namespace Cairn.Valuation.Rates;

/// <summary>One day's rate: the price of one whole unit of the asset (1 BTC, 1 ETH, 1 token) in the table's fiat currency.</summary>
public readonly record struct RatePoint(DateOnly Date, decimal Rate);
