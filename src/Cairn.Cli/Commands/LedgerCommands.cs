using System.CommandLine;

namespace Cairn.Cli.Commands;

/// <summary>`cairn ledger`: Asset-recovery ledger: add, show.</summary>
internal static class LedgerCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new Command("ledger", "Asset-recovery ledger: add, show");
    }
}
