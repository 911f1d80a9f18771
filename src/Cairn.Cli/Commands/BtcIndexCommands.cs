using System.CommandLine;
using Cairn.Chains.Bitcoin;
using Cairn.Core;
using Cairn.Index.Bitcoin;
using Cairn.Workspace.Chain;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>`cairn btc ingest|tx|address|stats`: the chain index (data in &lt;data&gt;/btc-index).</summary>
internal static class BtcIndexCommands
{
    public static string IndexDirectory(CliContext context) => context.PathIn("btc-index");

    public static void AddTo(Command btc, CliHost host)
    {
        btc.Subcommands.Add(Ingest(host));
        btc.Subcommands.Add(Tx(host));
        btc.Subcommands.Add(Address(host));
        btc.Subcommands.Add(Stats(host));
    }

    private static Command Ingest(CliHost host)
    {
        var blocks = new Option<string?>("--blocks") { Description = "Bitcoin Core blocks/ directory (blk*.dat, optional xor.dat)" };
        var rpc = new Option<string?>("--rpc") { Description = "Bitcoin Core JSON-RPC URL, e.g. http://127.0.0.1:8332" };
        var user = new Option<string?>("--rpc-user") { Description = "RPC user name" };
        var password = new Option<string?>("--rpc-password") { Description = "RPC password" };
        var cookie = new Option<string?>("--rpc-cookie") { Description = "Path to the node's .cookie file" };
        var network = new Option<string>("--network") { Description = "main|test|testnet4|signet|regtest", DefaultValueFactory = _ => "main" };
        var commitEvery = new Option<int>("--commit-every-mb") { Description = "Commit after this many MB of blocks (a crash loses at most this much work)", DefaultValueFactory = _ => 64 };
        var command = new Command("ingest", "Build or update the chain index from block files or a node") { blocks, rpc, user, password, cookie, network, commitEvery };
        host.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var blocksDir = parse.GetValue(blocks);
            var rpcUrl = parse.GetValue(rpc);
            if ((blocksDir is null) == (rpcUrl is null)) throw new CairnException("give exactly one of --blocks DIR or --rpc URL");
            var net = Network.Parse(parse.GetValue(network)!);
            using var writer = BitcoinIndexWriter.Open(IndexDirectory(context), net);
            IngestReport report;
            if (blocksDir is not null)
            {
                if (!Directory.Exists(blocksDir)) throw new CairnException($"blocks directory '{blocksDir}' does not exist");
                var commitBytes = Math.Max(1, parse.GetValue(commitEvery)) * (1L << 20);
                report = RunWithProgress(context, progress => new BitcoinIngest(writer) { Progress = progress, CommitEveryBytes = commitBytes }.FromBlockFiles(blocksDir, cancellationToken));
            }
            else
            {
                var credentials = parse.GetValue(cookie) is { } cookiePath ? RpcCredentials.FromCookieFile(cookiePath)
                    : parse.GetValue(user) is { } name ? RpcCredentials.FromUserPassword(name, parse.GetValue(password) ?? "")
                    : null;
                if (!Uri.TryCreate(rpcUrl, UriKind.Absolute, out var endpoint)) throw new CairnException($"malformed RPC URL '{rpcUrl}'");
                using var http = new HttpClient(new SocketsHttpHandler()) { Timeout = TimeSpan.FromMinutes(2) };
                var client = new BitcoinCoreRpcClient(http, endpoint, credentials);
                report = await new BitcoinIngest(writer).FromRpcAsync(client, cancellationToken).ConfigureAwait(false);
            }
            if (context.Json)
            {
                context.WriteJson(new
                {
                    blocks_added = report.BlocksAdded,
                    blocks_rolled_back = report.BlocksRolledBack,
                    transactions_added = report.TransactionsAdded,
                    bytes_read = report.BytesRead,
                    seconds = Math.Round(report.Elapsed.TotalSeconds, 3),
                    height = report.Height,
                    tip = report.Tip,
                    repaired = report.Repaired,
                });
            }
            else
            {
                if (report.Repaired) context.Output.WriteLine("repaired an interrupted earlier ingest");
                context.Output.WriteLine($"ingested {report.BlocksAdded} blocks ({report.TransactionsAdded} transactions, {report.BytesRead / 1e6:F1} MB) in {report.Elapsed.TotalSeconds:F1} s; rolled back {report.BlocksRolledBack}; height {report.Height}, tip {report.Tip}");
            }
            return 0;
        });
        return command;
    }

    private static IngestReport RunWithProgress(CliContext context, Func<IProgress<IngestProgress>?, IngestReport> run)
    {
        if (!context.CanShowProgress) return run(null);
        IngestReport? report = null;
        context.Console.Progress().Start(progressContext =>
        {
            var task = progressContext.AddTask("ingest");
            report = run(new Progress<IngestProgress>(p =>
            {
                task.MaxValue = Math.Max(1, p.TargetHeight + 1);
                task.Value = p.Height + 1;
                task.Description = $"ingest: {p.Transactions:N0} txs";
            }));
            task.Value = task.MaxValue;
        });
        return report!;
    }

    internal static BitcoinIndex OpenIndex(CliContext context) => BitcoinIndex.OpenRead(IndexDirectory(context));

    private static Command Tx(CliHost host)
    {
        var txid = new Argument<string>("txid") { Description = "Transaction id (hex)" };
        var command = new Command("tx", "Show a transaction from the index") { txid };
        host.SetAction(command, (context, parse) =>
        {
            using var index = OpenIndex(context);
            var view = TransactionView.Find(index, parse.GetValue(txid)!);
            if (context.Json) context.WriteJson(view);
            else TxView.Render(context, view);
            return 0;
        });
        return command;
    }

    private static Command Address(CliHost host)
    {
        var address = new Argument<string>("address") { Description = "Address (base58, bech32/bech32m, or script:HEX)" };
        var limit = new Option<int>("--limit") { Description = "Outputs to list (newest first)", DefaultValueFactory = _ => 50 };
        var command = new Command("address", "Received, sent, balance and outputs of an address") { address, limit };
        host.SetAction(command, (context, parse) =>
        {
            using var index = OpenIndex(context);
            var view = AddressView.Find(index, parse.GetValue(address)!, 0, Math.Max(0, parse.GetValue(limit)));
            if (context.Json) context.WriteJson(view);
            else AddressTable.Render(context, view);
            return 0;
        });
        return command;
    }

    private static Command Stats(CliHost host)
    {
        var command = new Command("stats", "Height, tip and sizes of the chain index");
        host.SetAction(command, (context, parse) =>
        {
            using var index = OpenIndex(context);
            var bytes = index.SizeInBytes();
            var rows = index.InputCount + index.OutputCount;
            var stats = new
            {
                network = index.Network.Name,
                height = index.TipHeight,
                tip = index.TipHash?.ToString(),
                transactions = index.TransactionCount,
                inputs = index.InputCount,
                outputs = index.OutputCount,
                addresses = index.AddressCount,
                index_bytes = bytes,
                bytes_per_input_output = rows == 0 ? 0 : Math.Round((double)bytes / rows, 2),
            };
            if (context.Json) context.WriteJson(stats);
            else
            {
                var table = new Table().AddColumns("", "");
                table.AddRow("network", stats.network);
                table.AddRow("height", stats.height.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
                table.AddRow("tip", stats.tip ?? "-");
                table.AddRow("transactions", stats.transactions.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
                table.AddRow("inputs", stats.inputs.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
                table.AddRow("outputs", stats.outputs.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
                table.AddRow("addresses", stats.addresses.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
                table.AddRow("index bytes", $"{bytes:N0} ({stats.bytes_per_input_output} per input+output)");
                context.Console.Write(table);
            }
            return 0;
        });
        return command;
    }
}
