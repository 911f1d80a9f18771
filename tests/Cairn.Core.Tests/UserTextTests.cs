namespace Cairn.Core.Tests;

public sealed class UserTextTests
{
    [Fact]
    public void Quote_EscapesLineBreaksAndTerminalEscapes_AndCutsLongInput()
    {
        Assert.Equal("a\\nb\\r\\u001b[31m", UserText.Quote("a\nb\r\u001b[31m"));
        Assert.Equal(new string('x', 10) + "…", UserText.Quote(new string('x', 50), 10));
    }

    [Fact]
    public void OneLine_LeavesAPlainMessageUntouched_AndNeverCutsIt()
    {
        var message = "unknown state code 'XX': " + new string('y', 500);

        Assert.Same(message, UserText.OneLine(message));
        Assert.Equal("line one\\nline two\\u2028three", UserText.OneLine("line one\nline two\u2028three"));
    }
}
