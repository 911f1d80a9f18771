using Cairn.Core;
using Cairn.Valuation.Rates;

namespace Cairn.Valuation.Tests.Rates;

public sealed class RateCsvTests
{
    [Fact]
    public void Parse_HeaderCommentsAndBlankLines_ReadsDaysInOrder()
    {
        var points = RateCsv.Parse(new StringReader("date,rate\n# ECB-style comment\n\n2024-03-02,61000.5\n2024-03-01,60000\n"), "btc.csv");

        Assert.Equal([new RatePoint(new DateOnly(2024, 3, 1), 60000m), new RatePoint(new DateOnly(2024, 3, 2), 61000.5m)], points);
    }

    [Theory]
    [InlineData("2024-03-01,abc", "btc.csv line 1: 'abc' is not a positive rate")]
    [InlineData("date,rate\n2024-3-1,5", "btc.csv line 2: '2024-3-1' is not a date (yyyy-MM-dd)")]
    [InlineData("2024-03-01,5\n2024-03-01,6", "btc.csv line 2: 2024-03-01 appears twice")]
    [InlineData("2024-03-01,-5", "btc.csv line 1: '-5' is not a positive rate")]
    [InlineData("2024-03-01,5,6", "btc.csv line 1: expected 'date,rate', got 3 field(s)")]
    [InlineData("date,rate\n", "btc.csv: no rates")]
    public void Parse_BadLine_NamesFileAndLine(string text, string expected)
    {
        var error = Assert.ThrowsAny<CairnException>(() => RateCsv.Parse(new StringReader(text), "btc.csv"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }
}
