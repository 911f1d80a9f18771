using System.Numerics;
using Cairn.Valuation.Rates;

namespace Cairn.Valuation.Tests.Rates;

public sealed class ValuatorTests
{
    private static readonly DateOnly Day = new(2024, 3, 4);

    private static (RateTable, IReadOnlyList<RatePoint>) Table(string asset, string currency, params (DateOnly Day, decimal Rate)[] points) =>
        (new RateTable
        {
            Id = $"{asset}-{currency}", Asset = asset, Currency = currency, Source = $"{asset} publisher", FileName = "f.csv", FileSha256 = "00", Points = points.Length,
            FirstDate = points.Min(p => p.Day), LastDate = points.Max(p => p.Day), ImportedBy = "u@a", ImportedAt = DateTimeOffset.UnixEpoch,
        }, points.Select(p => new RatePoint(p.Day, p.Rate)).ToList());

    [Fact]
    public void Value_RateOnTheDay_IsDailyRateRoundedToCents()
    {
        var valuator = new Valuator([Table("BTC", "USD", (Day, 60_000.125m))]);

        var value = valuator.Value(["BTC"], 8, new BigInteger(12_345_678), Day, "usd")!;

        // 0.12345678 BTC × 60,000.125 = 7,407.4222... → 7,407.42
        Assert.Equal(new FiatValue("USD", "7407.42", "60000.125", "2024-03-04", null, "BTC publisher (BTC/USD table BTC-USD)", "daily_rate"), value);
    }

    [Fact]
    public void Value_NoRateThatDay_UsesLatestEarlierDayWithinAWeek_NeverALaterOne()
    {
        var valuator = new Valuator([Table("BTC", "USD", (Day.AddDays(-3), 50_000m), (Day.AddDays(1), 70_000m))]);

        var value = valuator.Value(["BTC"], 8, new BigInteger(100_000_000), Day, "USD")!;
        var tooOld = new Valuator([Table("BTC", "USD", (Day.AddDays(-8), 50_000m))]).Value(["BTC"], 8, BigInteger.One, Day, "USD");

        Assert.Equal(("50000.00", "2024-03-01", "last_rate_before"), (value.Value, value.RateDate, value.Basis));
        Assert.Null(tooOld);
    }

    [Fact]
    public void Value_OnlyUsdTableAndUsdEurTable_CrossesThroughUsd()
    {
        var valuator = new Valuator([Table("ETH", "USD", (Day, 3_000m)), Table("USD", "EUR", (Day, 0.9m))]);

        var value = valuator.Value(["ETH"], 18, BigInteger.Parse("2000000000000000000", System.Globalization.CultureInfo.InvariantCulture), Day, "EUR")!;

        Assert.Equal(("5400.00", "cross_rate_via_usd"), (value.Value, value.Basis));
        Assert.Contains("ETH publisher", value.Source, StringComparison.Ordinal);
        Assert.Contains("USD publisher", value.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_StablecoinWithoutTable_IsValuedAtItsPegAndSaysSo()
    {
        var valuator = Valuator.Empty;

        var value = valuator.Value(["USDT", "0xdac17f958d2ee523a2206206994597c13d831ec7"], 6, new BigInteger(1_234_567), Day, "USD")!;

        Assert.Equal(("1.23", "peg"), (value.Value, value.Basis));
        Assert.Contains("no rate table imported", value.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_StablecoinWithItsOwnTable_UsesTheTableNotThePeg()
    {
        var valuator = new Valuator([Table("USDT", "USD", (Day, 0.98m))]);

        Assert.Equal("daily_rate", valuator.Value(["USDT"], 6, new BigInteger(1_000_000), Day, "USD")!.Basis);
        Assert.Null(valuator.Value(["USDT"], 6, new BigInteger(1_000_000), Day.AddDays(30), "USD"));
    }

    [Fact]
    public void Value_ByDay_AddsEachDayAtItsRateAndRoundsOnce()
    {
        var valuator = new Valuator([Table("BTC", "EUR", (Day, 10_000.005m), (Day.AddDays(1), 20_000.005m))]);
        var byDay = new Dictionary<DateOnly, BigInteger> { [Day] = new(50_000_000), [Day.AddDays(1)] = new(50_000_000) };

        var value = valuator.Value(["BTC"], 8, byDay, "EUR")!;

        // 5,000.0025 + 10,000.0025 = 15,000.005 → 15,000.01 (rounded once, half away from zero)
        Assert.Equal(("15000.01", null, "2024-03-04", "2024-03-05"), (value.Value, value.Rate, value.RateDate, value.LastRateDate));
    }

    [Fact]
    public void Value_ByDay_OneDayWithoutRate_GivesNoValue()
    {
        var valuator = new Valuator([Table("BTC", "USD", (Day, 10_000m))]);
        var byDay = new Dictionary<DateOnly, BigInteger> { [Day] = BigInteger.One, [Day.AddDays(30)] = BigInteger.One };

        Assert.Null(valuator.Value(["BTC"], 8, byDay, "USD"));
    }
}
