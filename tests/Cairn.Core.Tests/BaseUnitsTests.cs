using System.Numerics;
using Cairn.Core;

namespace Cairn.Core.Tests;

public class BaseUnitsTests
{
    [Theory]
    [InlineData("5000000000", 8, "50")]
    [InlineData("1", 8, "0.00000001")]
    [InlineData("123456789", 8, "1.23456789")]
    [InlineData("1000000000000000000", 18, "1")]
    [InlineData("0", 8, "0")]
    [InlineData("-150000000", 8, "-1.5")]
    public void ToDecimalString_FormatsExactly(string units, int decimals, string expected) =>
        Assert.Equal(expected, BaseUnits.ToDecimalString(BigInteger.Parse(units), decimals));

    [Fact]
    public void ParseDecimal_RoundTripsWithToDecimalString()
    {
        var property = FsCheck.Fluent.Prop.ForAll<ulong>(value =>
            BaseUnits.ParseDecimal(BaseUnits.ToDecimalString(value, 8), 8) == value);
        FsCheck.Check.QuickThrowOnFailure(property);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.2.3")]
    [InlineData("-1")]
    [InlineData("1e5")]
    [InlineData(".5")]
    [InlineData("0.123456789")]
    public void ParseDecimal_RejectsMalformedInput_WithMessageNamingIt(string text)
    {
        var ex = Assert.Throws<CairnException>(() => BaseUnits.ParseDecimal(text, 8, "minimum amount"));
        Assert.Contains("minimum amount", ex.Message, StringComparison.Ordinal);
    }
}
