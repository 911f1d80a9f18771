using Cairn.Tracing.Heuristics.ErrorRates;

namespace Cairn.Tracing.Tests.Heuristics.ErrorRates;

/// <summary>
/// The 95 % Wilson score interval against the worked examples of Newcombe 1998, "Two-sided
/// confidence intervals for the single proportion: comparison of seven methods" (Statistics in
/// Medicine 17), Table I, method 3 (score interval without continuity correction): 81/263, 15/148,
/// 0/20, 1/29 and 29/29.
/// </summary>
public sealed class WilsonIntervalTests
{
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    [InlineData(29, 29, 0.8830, 1.0)]
    public void Of_KnownProportions_MatchPublishedIntervals(long successes, long trials, double low, double high)
    {
        var interval = WilsonInterval.Of(successes, trials)!;
        Assert.Equal(low, interval.Low, 4);
        Assert.Equal(high, interval.High, 4);
    }

    [Fact]
    public void Of_NoTrials_IsNull() => Assert.Null(WilsonInterval.Of(0, 0));

    [Fact]
    public void Of_AllOrNothing_KeepsTheObservedBoundExactly()
    {
        Assert.Equal(0, WilsonInterval.Of(0, 5)!.Low);
        Assert.Equal(1, WilsonInterval.Of(5, 5)!.High);
    }

    [Fact]
    public void Of_MoreSuccessesThanTrials_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.Of(3, 2));

    [Fact]
    public void Of_LargerSample_GivesNarrowerInterval()
    {
        var small = WilsonInterval.Of(9, 10)!;
        var large = WilsonInterval.Of(900, 1000)!;
        Assert.True(large.High - large.Low < small.High - small.Low);
    }
}
