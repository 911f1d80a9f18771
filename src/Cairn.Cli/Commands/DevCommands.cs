using System.CommandLine;

namespace Cairn.Cli.Commands;

/// <summary>`cairn dev`: Developer tools: generate demo chains.</summary>
internal static class DevCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new Command("dev", "Developer tools: generate demo chains");
    }
}
