namespace Cairn.Core.Tests;

public sealed class CairnExceptionTests
{
    [Fact]
    public void ACairnExceptionMessage_IsOneLine_EvenWhenItsTextQuotedALineBreakRaw()
    {
        var error = new CairnException("malformed gasUsed '\n': not a hex quantity");
        var invalid = new ValidationException("amount", "amount '1\r\n2' is not a number");

        Assert.Equal("malformed gasUsed '\\n': not a hex quantity", error.Message);
        Assert.DoesNotContain('\n', invalid.Message);
        Assert.Equal("amount", invalid.Field);
    }
}
