using System.CommandLine;

namespace Cairn.Cli.Commands;

/// <summary>`cairn exchange`: Node-to-node exchange with partner agencies (also: match).</summary>
internal static class ExchangeCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new Command("exchange", "Node-to-node exchange with partner agencies (also: match)");
    }
}
