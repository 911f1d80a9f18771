using System.Globalization;
using System.Numerics;

namespace Cairn.Valuation.Rates;

/// <summary>
/// Values amounts of an asset in a fiat currency at a day's rate, from the installation's rate
/// tables. Rules, in order: the table of (asset, currency) on that day (<c>daily_rate</c>), else its
/// latest earlier day within <see cref="MaxStaleDays"/> days (<c>last_rate_before</c>: rates are not
/// published on every day); else the asset's USD rate times the USD→currency rate on the same terms
/// (<c>cross_rate_via_usd</c>); else, for a stablecoin with no table at all for it, its peg
/// (<c>peg</c>, said so in the source); else no value. Never a later day's rate: a value at the
/// transaction's date must not use what was only known afterwards.
/// </summary>
public sealed class Valuator
{
    public const int MaxStaleDays = 7;

    /// <summary>Stablecoins by symbol and the currency each is designed to track one for one (their issuers' statements).</summary>
    public static readonly IReadOnlyDictionary<string, string> Pegs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["USDT"] = "USD", ["USDC"] = "USD", ["DAI"] = "USD", ["BUSD"] = "USD", ["TUSD"] = "USD", ["USDP"] = "USD", ["PYUSD"] = "USD", ["FDUSD"] = "USD",
        ["EURC"] = "EUR", ["EURT"] = "EUR", ["EURS"] = "EUR",
    };

    private readonly Dictionary<(string Asset, string Currency), (RateTable Table, DateOnly[] Dates, decimal[] Rates)> _tables = [];

    public Valuator(IEnumerable<(RateTable Table, IReadOnlyList<RatePoint> Points)> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        foreach (var (table, points) in tables)
        {
            var ordered = points.OrderBy(p => p.Date).ToArray();
            _tables[(AssetKey(table.Asset), table.Currency.ToUpperInvariant())] = (table, [.. ordered.Select(p => p.Date)], [.. ordered.Select(p => p.Rate)]);
        }
    }

    public static Valuator Empty { get; } = new([]);

    public IEnumerable<RateTable> Tables => _tables.Values.Select(t => t.Table);

    /// <summary>How asset names are compared: contracts (0x…) in lower case, symbols in upper case.</summary>
    public static string AssetKey(string asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var trimmed = asset.Trim();
        return trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? trimmed.ToLowerInvariant() : trimmed.ToUpperInvariant();
    }

    /// <summary>The rate of one unit of <paramref name="asset"/> (any of its names: symbol or contract) on <paramref name="day"/>, or null.</summary>
    public RateQuote? RateOn(IReadOnlyList<string> asset, DateOnly day, string currency)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var fiat = currency.ToUpperInvariant();
        foreach (var name in asset)
            if (Direct(AssetKey(name), fiat, day) is { } direct) return direct;
        if (fiat != "USD")
            foreach (var name in asset)
                if (Direct(AssetKey(name), "USD", day) is { } usd && Direct("USD", fiat, day) is { } cross)
                    return new RateQuote(usd.Rate * cross.Rate, Earlier(usd.RateDate, cross.RateDate), $"{usd.Source} × {cross.Source}", "cross_rate_via_usd");
        foreach (var name in asset)
        {
            if (!Pegs.TryGetValue(name, out var pegged) || _tables.Keys.Any(k => k.Asset == AssetKey(name))) continue;
            if (pegged == fiat) return new RateQuote(1m, day, $"peg of {name.ToUpperInvariant()} to {pegged} (no rate table imported)", "peg");
            if (Direct(pegged, fiat, day) is { } fx) return new RateQuote(fx.Rate, fx.RateDate, $"peg of {name.ToUpperInvariant()} to {pegged} (no rate table imported) × {fx.Source}", "peg");
        }
        return null;
    }

    /// <summary>The value of <paramref name="amount"/> base units on <paramref name="day"/>, or null when no rate applies.</summary>
    public FiatValue? Value(IReadOnlyList<string> asset, int decimals, BigInteger amount, DateOnly day, string currency)
    {
        var quote = RateOn(asset, day, currency);
        return quote is null ? null : new FiatValue(currency.ToUpperInvariant(), Format(Units(amount, decimals) * quote.Rate), quote.Rate.ToString(CultureInfo.InvariantCulture),
            Iso(quote.RateDate), null, quote.Source, quote.Basis);
    }

    /// <summary>
    /// The value of amounts that arrived on several days, each at its day's rate, added up and then
    /// rounded once; null when any day has no rate (a partial sum would understate the value).
    /// </summary>
    public FiatValue? Value(IReadOnlyList<string> asset, int decimals, IReadOnlyDictionary<DateOnly, BigInteger> byDay, string currency)
    {
        ArgumentNullException.ThrowIfNull(byDay);
        if (byDay.Count == 0) return null;
        decimal total = 0;
        var quotes = new List<RateQuote>(byDay.Count);
        foreach (var (day, amount) in byDay)
        {
            if (RateOn(asset, day, currency) is not { } quote) return null;
            quotes.Add(quote);
            total += Units(amount, decimals) * quote.Rate;
        }
        var first = quotes.Min(q => q.RateDate);
        var last = quotes.Max(q => q.RateDate);
        var single = quotes.Count == 1;
        return new FiatValue(currency.ToUpperInvariant(), Format(total), single ? quotes[0].Rate.ToString(CultureInfo.InvariantCulture) : null, Iso(first), first == last ? null : Iso(last),
            string.Join("; ", quotes.Select(q => q.Source).Distinct()), string.Join("+", quotes.Select(q => q.Basis).Distinct()));
    }

    private RateQuote? Direct(string asset, string currency, DateOnly day)
    {
        if (asset == currency) return new RateQuote(1m, day, "identity", "daily_rate");
        if (!_tables.TryGetValue((asset, currency), out var table)) return null;
        var index = Array.BinarySearch(table.Dates, day);
        if (index >= 0) return new RateQuote(table.Rates[index], day, Describe(table.Table), "daily_rate");
        var earlier = ~index - 1;
        if (earlier < 0 || day.DayNumber - table.Dates[earlier].DayNumber > MaxStaleDays) return null;
        return new RateQuote(table.Rates[earlier], table.Dates[earlier], Describe(table.Table), "last_rate_before");
    }

    private static string Describe(RateTable table) => $"{table.Source} ({table.Asset}/{table.Currency} table {table.Id})";

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;

    private static decimal Units(BigInteger amount, int decimals) => (decimal)amount / Pow10(decimals);

    private static decimal Pow10(int decimals)
    {
        decimal result = 1;
        for (var i = 0; i < decimals; i++) result *= 10;
        return result;
    }

    private static string Format(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
