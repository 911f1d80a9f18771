using System.CommandLine;

namespace Cairn.Cli.Commands;

/// <summary>`cairn log`: Custody log: verify, proofs.</summary>
internal static class LogCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new Command("log", "Custody log: verify, proofs");
    }
}
