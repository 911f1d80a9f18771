using System.CommandLine;

namespace Cairn.Cli.Commands;

/// <summary>`cairn screen`: Screen addresses against tags and sanctions lists.</summary>
internal static class ScreenCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new Command("screen", "Screen addresses against tags and sanctions lists");
    }
}
