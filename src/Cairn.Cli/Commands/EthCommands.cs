using System.CommandLine;

namespace Cairn.Cli.Commands;

/// <summary>`cairn eth`: Ethereum chain: ingest, transactions, addresses.</summary>
internal static class EthCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new Command("eth", "Ethereum chain: ingest, transactions, addresses");
    }
}
