using System.CommandLine;

namespace Cairn.Cli.Commands;

/// <summary>`cairn route`: Legal routes and requests (also: request).</summary>
internal static class LegalCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new Command("route", "Legal routes and requests (also: request)");
    }
}
