using System.CommandLine;
using Cairn.Chains;
using Cairn.Cli.Commands;

namespace Cairn.Cli;

/// <summary>The top-level command groups, one file each under Commands/ (one owner per area).</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All(CliHost host)
    {
        yield return ChainsCommands.Build(host);
        // One group per chain of the registry: `cairn btc …` and `cairn eth …` are the btc and eth instances.
        foreach (var chain in ChainRegistry.All)
        {
            if (chain.Family == ChainFamily.Utxo) yield return UtxoChainCommands.Build(host, chain);
            else if (chain.Support.Rpc) yield return AccountChainCommands.Build(host, chain);
        }
        yield return IntelCommands.Build(host);
        yield return ScreenCommands.Build(host);
        yield return TraceCommands.Build(host);
        yield return TraceCommands.BuildPath(host);
        yield return TraceCommands.BuildCluster(host);
        yield return RatesCommands.Build(host);
        yield return WatchCommands.Build(host);
        yield return WatchCommands.BuildAlerts(host);
        yield return HeuristicsCommands.Build(host);
        yield return CaseCommands.Build(host);
        yield return NotificationCommands.Build(host);
        yield return AdminCommands.Build(host);
        yield return EvidenceCommands.Build(host);
        yield return LedgerCommands.Build(host);
        yield return StatsCommands.Build(host);
        yield return LogCommands.Build(host);
        yield return LegalCommands.Build(host);
        yield return LegalCommands.BuildRequest(host);
        yield return LegalDataCommands.Build(host);
        yield return ExchangeCommands.Build(host);
        yield return MatchCommands.Build(host);
        yield return DevCommands.Build(host);
        yield return DemoCommands.Build(host);
        yield return ServeCommands.Build(host);
        yield return BackupCommands.BuildBackup(host);
        yield return BackupCommands.BuildRestore(host);
        yield return RetentionCommands.Build(host);
    }
}
