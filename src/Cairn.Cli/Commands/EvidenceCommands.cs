using System.CommandLine;

namespace Cairn.Cli.Commands;

/// <summary>`cairn evidence`: Evidence: add, export, verify.</summary>
internal static class EvidenceCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new Command("evidence", "Evidence: add, export, verify");
    }
}
