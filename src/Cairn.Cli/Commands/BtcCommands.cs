using System.CommandLine;

namespace Cairn.Cli.Commands;

/// <summary>`cairn btc`: Bitcoin chain: ingest, blocks, transactions, addresses.</summary>
internal static class BtcCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new Command("btc", "Bitcoin chain: ingest, blocks, transactions, addresses");
    }
}
