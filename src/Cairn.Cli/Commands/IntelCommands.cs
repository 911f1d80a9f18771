using System.CommandLine;

namespace Cairn.Cli.Commands;

/// <summary>`cairn intel`: Attribution tags, actors and sanctions lists.</summary>
internal static class IntelCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new Command("intel", "Attribution tags, actors and sanctions lists");
    }
}
