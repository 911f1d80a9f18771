namespace Cairn.Cli.Tests;

public class CliHostTests
{
    [Fact]
    public void UnknownCommand_ExitsNonZero()
    {
        var result = CliRunner.Run("no-such-area");
        Assert.NotEqual(0, result.ExitCode);
    }

    [Fact]
    public void Help_ListsEveryArea()
    {
        var result = CliRunner.Run("--help");
        Assert.Equal(0, result.ExitCode);
        foreach (var area in new[] { "btc", "eth", "intel", "screen", "trace", "case", "evidence", "ledger", "log", "route" })
            Assert.Contains(area, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRequiredOption_IsOneLineOnStderr_WithoutTheHelp()
    {
        var result = CliRunner.Run("route", "--from", "DE", "--to", "US");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Equal("error: Option '--measure' is required", result.Error.Trim());
    }

    [Fact]
    public void SeveralMissingOptions_AreStillOneLine()
    {
        var result = CliRunner.Run("request", "draft", "--from", "DE");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: Option '--findings' is required; Option '--measure' is required", result.Error.Trim());
    }

    [Fact]
    public void NoCommand_StillShowsTheHelp()
    {
        var result = CliRunner.Run();
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("route", result.Output, StringComparison.Ordinal);
    }
}
