using System.CommandLine;
using System.Globalization;
using Cairn.Chains;
using Cairn.Cli.Commands.Rendering;
using Cairn.Core.Paging;
using Cairn.Index.Bitcoin;
using Cairn.Workspace.Chain;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>`cairn btc|ltc|bch|doge ingest|tx|address|stats|export-parquet`: the chain's index (data in &lt;data&gt;/&lt;id&gt;-index); each one call into <see cref="ChainService"/>.</summary>
internal static class UtxoIndexCommands
{
    public static void AddTo(Command group, CliHost host, ChainDefinition chain)
    {
        group.Subcommands.Add(Ingest(host, chain));
        group.Subcommands.Add(Tx(host, chain));
        group.Subcommands.Add(Address(host, chain));
        group.Subcommands.Add(Stats(host, chain));
        group.Subcommands.Add(ExportParquetCommand.Build(host, chain));
    }

    private static Command Ingest(CliHost host, ChainDefinition chain)
    {
        var blocks = new Option<string?>("--blocks") { Description = "The node's blocks/ directory (blk*.dat, optional xor.dat)" };
        var rpc = new Option<string?>("--rpc") { Description = "The node's JSON-RPC URL, e.g. http://127.0.0.1:8332" };
        var user = new Option<string?>("--rpc-user") { Description = "RPC user name" };
        var password = new Option<string?>("--rpc-password") { Description = "RPC password" };
        var cookie = new Option<string?>("--rpc-cookie") { Description = "Path to the node's .cookie file" };
        var network = new Option<string>("--network") { Description = UtxoChainCommands.NetworkNames(chain), DefaultValueFactory = _ => "main" };
        var commitEvery = new Option<int>("--commit-every-mb") { Description = "Checkpoint after this many MB of blocks (a crash loses at most this much work)", DefaultValueFactory = _ => 64 };
        var command = new Command("ingest", "Build or update the chain index from block files or a node") { blocks, rpc, user, password, cookie, network, commitEvery };
        host.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var request = new BitcoinIngestRequest(parse.GetValue(blocks), parse.GetValue(rpc), parse.GetValue(user), parse.GetValue(password), parse.GetValue(cookie),
                parse.GetValue(network), parse.GetValue(commitEvery));
            var chains = context.Get<ChainService>();
            var report = await ProgressBar.RunAsync(context, progress => chains.IngestUtxoAsync(chain.Id, request, progress, cancellationToken)).ConfigureAwait(false);
            if (context.Json) context.WriteJson(report);
            else
            {
                if (report.Repaired) context.Output.WriteLine("repaired an interrupted earlier ingest");
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ingested {report.BlocksAdded} blocks ({report.TransactionsAdded} transactions, {report.BytesRead / 1e6:F1} MB) in {report.Seconds:F1} s; rolled back {report.BlocksRolledBack}; height {report.Height}, tip {report.Tip}"));
            }
            return CliHost.Success;
        });
        return command;
    }

    private static Command Tx(CliHost host, ChainDefinition chain)
    {
        var txid = new Argument<string>("txid") { Description = "Transaction id (hex)" };
        var command = new Command("tx", "Show a transaction from the index") { txid };
        host.SetAction(command, (context, parse) =>
        {
            var view = context.Get<ChainService>().UtxoTransaction(chain.Id, parse.GetValue(txid)!);
            if (context.Json) context.WriteJson(view);
            else TxView.Render(context, view);
            return CliHost.Success;
        });
        return command;
    }

    private static Command Address(CliHost host, ChainDefinition chain)
    {
        var address = new Argument<string>("address") { Description = "Address (base58, bech32/bech32m, or script:HEX)" };
        var limit = new Option<int>("--limit") { Description = "Outputs to list (newest first)", DefaultValueFactory = _ => 50 };
        var command = new Command("address", "Received, sent, balance and outputs of an address") { address, limit };
        host.SetAction(command, (context, parse) =>
        {
            var view = context.Get<ChainService>().UtxoAddress(chain.Id, parse.GetValue(address)!, new PageRequest(0, Math.Max(0, parse.GetValue(limit))));
            if (context.Json) context.WriteJson(view);
            else AddressTable.Render(context, view);
            return CliHost.Success;
        });
        return command;
    }

    private static Command Stats(CliHost host, ChainDefinition chain)
    {
        var command = new Command("stats", "Height, tip and sizes of the chain index");
        host.SetAction(command, (context, parse) =>
        {
            var stats = context.Get<ChainService>().UtxoStats(chain.Id);
            if (context.Json)
            {
                context.WriteJson(stats);
                return CliHost.Success;
            }
            var table = new Table().AddColumns("", "");
            table.AddRow("network", stats.Network);
            table.AddRow("height", stats.Height.ToString("N0", CultureInfo.InvariantCulture));
            table.AddRow("tip", stats.Tip ?? "-");
            table.AddRow("transactions", stats.Transactions.ToString("N0", CultureInfo.InvariantCulture));
            table.AddRow("inputs", stats.Inputs.ToString("N0", CultureInfo.InvariantCulture));
            table.AddRow("outputs", stats.Outputs.ToString("N0", CultureInfo.InvariantCulture));
            table.AddRow("addresses", stats.Addresses.ToString("N0", CultureInfo.InvariantCulture));
            table.AddRow("index bytes", string.Create(CultureInfo.InvariantCulture, $"{stats.IndexBytes:N0} ({stats.BytesPerInputOutput} per input+output)"));
            context.Console.Write(table);
            return CliHost.Success;
        });
        return command;
    }
}
