namespace Cairn.Valuation.Rates;

/// <summary>
/// An amount's value in a fiat currency and its basis: <see cref="Value"/> rounded to cents (half away
/// from zero, once, after adding up), the rate used (null when several days' rates were added up),
/// the rate's date (the first and last when several), the rate table's source, and how the rate was
/// found (<see cref="Basis"/>: daily_rate, last_rate_before, cross_rate_via_usd, peg).
/// </summary>
public sealed record FiatValue(string Currency, string Value, string? Rate, string RateDate, string? LastRateDate, string Source, string Basis);
