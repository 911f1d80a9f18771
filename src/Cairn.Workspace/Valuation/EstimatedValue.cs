using System.Globalization;
using Cairn.Legal.Requests;
using Cairn.Valuation.Rates;

namespace Cairn.Workspace.Valuation;

/// <summary>
/// The estimated value a drafted request states for the assets it is about: each asset's total in the
/// executing State's currency (<see cref="StateCurrencies"/>, USD when Cairn does not value in it) at the
/// drafting date, with the rate, the rate's date and its source; "no rate" where no table covers the asset
/// on that date or the seven days before (never a guess, never a later rate). Freezing concerns what the
/// assets are worth now, so the drafting date is the valuation date, not the transactions'.
/// </summary>
public static class EstimatedValue
{
    /// <summary>The content item the forms fill "the total amount covered by the order" from (<c>fill: estimated_value</c>).</summary>
    public const string ContentItem = "estimated_value";

    /// <summary>The text for the request's <c>estimated_value</c> content item (the forms' "total amount covered"), or null when it names no amount.</summary>
    public static string? Describe(IEnumerable<AssetAmount> amounts, string requestedState, DateOnly day, Valuator valuator)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        ArgumentNullException.ThrowIfNull(valuator);
        var totals = amounts.GroupBy(a => (a.Asset, a.Decimals)).Select(g => new AssetAmount(g.Key.Asset, g.Aggregate(System.Numerics.BigInteger.Zero, (sum, a) => sum + a.BaseUnits), g.Key.Decimals)).ToList();
        if (totals.Count == 0) return null;
        var currency = StateCurrencies.Of(requestedState);
        var basis = currency is null ? $"in USD (Cairn has no currency for {requestedState})" : $"in {currency}, the currency of {requestedState}";
        currency ??= "USD";
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var lines = totals.Select(t => valuator.Value([t.Asset], t.Decimals, t.BaseUnits, day, currency) is { } value
            ? $"{t.Human} ≈ {value.Value} {currency} (rate {value.Rate} {currency} of {value.RateDate}, {Words(value.Basis)}; source: {value.Source})"
            : $"{t.Human}: no rate for {t.Asset} in {currency} on {date} or the {Valuator.MaxStaleDays} days before, so no value is estimated");
        return $"Estimated value {basis} at the drafting date {date}: {string.Join("; ", lines)}.";
    }

    private static string Words(string basis) => basis switch
    {
        "daily_rate" => "that day's rate",
        "last_rate_before" => "the last rate before that day",
        "cross_rate_via_usd" => "crossed through USD",
        "peg" => "the stablecoin's peg, no rate table imported",
        _ => basis,
    };
}
