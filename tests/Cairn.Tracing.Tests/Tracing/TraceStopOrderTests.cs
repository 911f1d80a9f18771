using System.Globalization;
using Cairn.Tracing.Tracing;
using FsCheck;
using FsCheck.Fluent;

namespace Cairn.Tracing.Tests.Tracing;

/// <summary>Endpoints are sorted without writing their <c>txid:vout</c>: the vouts must order as their decimal texts do.</summary>
public sealed class TraceStopOrderTests
{
    private static int Text(uint a, uint b) => Math.Sign(string.CompareOrdinal(a.ToString(CultureInfo.InvariantCulture), b.ToString(CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(0u, 0u)]
    [InlineData(1u, 10u)]
    [InlineData(9u, 10u)]
    [InlineData(10u, 9u)]
    [InlineData(2u, 19u)]
    [InlineData(20u, 2u)]
    [InlineData(100u, 10u)]
    [InlineData(101u, 11u)]
    [InlineData(4_294_967_295u, 429_496_729u)]
    [InlineData(4_294_967_295u, 5u)]
    [InlineData(1_000_000_000u, 999_999_999u)]
    public void CompareAsText_OrdersAsTheDecimalTextsCompareOrdinally(uint a, uint b) =>
        Assert.Equal(Text(a, b), Math.Sign(TraceRun.CompareAsText(a, b)));

    [Fact]
    public void CompareAsText_OnAnyTwoNumbers_OrdersAsTheirDecimalTexts()
    {
        Prop.ForAll((uint a, uint b, byte small) =>
                Text(a, b) == Math.Sign(TraceRun.CompareAsText(a, b))
                && Text(a, small) == Math.Sign(TraceRun.CompareAsText(a, small))
                && Text(a % 1000, small) == Math.Sign(TraceRun.CompareAsText(a % 1000, small)))
            .QuickCheckThrowOnFailure();
    }
}
