namespace Cairn.Valuation.Rates;

/// <summary>The rate found for an asset on a day: the rate, the date it is from, where it comes from and how it was found.</summary>
public sealed record RateQuote(decimal Rate, DateOnly RateDate, string Source, string Basis);
