using System.CommandLine;
using System.Globalization;
using Cairn.Workspace.Chain;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>`cairn eth`: Ethereum chain: ingest, transactions, addresses (index in &lt;data&gt;/eth-index/); each one call into <see cref="ChainService"/>.</summary>
internal static class EthCommands
{
    private static readonly Option<string> Rpc = new("--rpc") { Description = "JSON-RPC URL of an Ethereum node (http://127.0.0.1:8545)", Required = true };
    private static readonly Option<long?> From = new("--from") { Description = "First block (default: where the index ends, else 0)" };
    private static readonly Option<long?> To = new("--to") { Description = "Last block (default: the node's latest)" };
    private static readonly Option<int> BatchBlocks = new("--batch-blocks") { Description = "Blocks fetched and committed together", DefaultValueFactory = _ => 50 };
    private static readonly Option<int> ReorgDepth = new("--reorg-depth") { Description = "Last blocks re-checked by hash before resuming", DefaultValueFactory = _ => 64 };
    private static readonly Option<int> Limit = new("--limit") { Description = "Most transfers listed per direction", DefaultValueFactory = _ => 50 };
    private static readonly Argument<string> Address = new("address") { Description = "Ethereum address (0x…, EIP-55 checksum checked when mixed case)" };
    private static readonly Argument<string> Hash = new("hash") { Description = "Transaction hash (0x + 64 hex digits)" };

    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var eth = new Command("eth", "Ethereum chain: ingest, transactions, addresses");

        var ingest = new Command("ingest", "Ingest blocks, receipts, token and internal transfers from a node over JSON-RPC") { Rpc, From, To, BatchBlocks, ReorgDepth };
        host.SetAction(ingest, IngestAsync);
        eth.Subcommands.Add(ingest);

        var address = new Command("address", "Transfers to and from an address") { Address, Limit };
        host.SetAction(address, ShowAddress);
        eth.Subcommands.Add(address);

        var tx = new Command("tx", "A transaction and the transfers it made") { Hash };
        host.SetAction(tx, ShowTransaction);
        eth.Subcommands.Add(tx);
        return eth;
    }

    private static async Task<int> IngestAsync(CliContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var chains = context.Get<ChainService>();
        var report = await chains.IngestEthereumAsync(new EthereumIngestRequest(parse.GetValue(Rpc), parse.GetValue(From), parse.GetValue(To), parse.GetValue(BatchBlocks), parse.GetValue(ReorgDepth)), cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            context.WriteJson(new EthIngestJson(report.FirstBlock, report.LastBlock, report.Blocks, report.Transactions, report.NativeTransfers, report.InternalTransfers, report.TokenTransfers,
                report.RolledBackBlocks, report.TraceMode, report.Note,
                new EthIngestJson.IndexState(chains.EthereumIndexDirectory, report.Head.StartBlock, report.Head.LastBlock, report.Head.Transfers, report.Head.Addresses, report.Head.Tokens)));
            return CliHost.Success;
        }
        var table = new Table().AddColumns("ingested", "value");
        table.AddRow("blocks", report.Blocks == 0 ? "none (index is up to date)" : $"{report.Blocks} ({report.FirstBlock}..{report.LastBlock})");
        table.AddRow("transactions", report.Transactions.ToString(CultureInfo.InvariantCulture));
        table.AddRow("native / internal / token transfers", $"{report.NativeTransfers} / {report.InternalTransfers} / {report.TokenTransfers}");
        table.AddRow("rolled back (reorganisation)", report.RolledBackBlocks.ToString(CultureInfo.InvariantCulture));
        table.AddRow("internal transfers from", Markup.Escape(report.TraceMode));
        table.AddRow("index", Markup.Escape($"{chains.EthereumIndexDirectory}: blocks {report.Head.StartBlock}..{report.Head.LastBlock}, {report.Head.Transfers} transfers, {report.Head.Addresses} addresses"));
        context.Console.Write(table);
        if (report.Note is not null) context.Output.WriteLine("note: " + report.Note);
        return CliHost.Success;
    }

    private static int ShowAddress(CliContext context, ParseResult parse)
    {
        var limit = Math.Max(1, parse.GetValue(Limit));
        var view = context.Get<ChainService>().EthereumAddress(parse.GetValue(Address)!, limit);
        if (context.Json)
        {
            context.WriteJson(view);
            return CliHost.Success;
        }
        context.Output.WriteLine($"{view.Address}: {view.IncomingCount} transfers in, {view.OutgoingCount} out");
        foreach (var amount in view.NetFlow) context.Output.WriteLine($"  net flow {amount.Asset}: {amount.Amount} (base units {amount.AmountBaseUnits})");
        context.Console.Write(Render(view.Incoming.Concat(view.Outgoing).OrderBy(t => t.Block).ThenBy(t => t.Row).ToList()));
        if (view.Truncated) context.Output.WriteLine($"(latest {limit} per direction shown; --limit N for more)");
        return CliHost.Success;
    }

    private static int ShowTransaction(CliContext context, ParseResult parse)
    {
        var tx = context.Get<ChainService>().EthereumTransaction(parse.GetValue(Hash)!);
        if (context.Json)
        {
            context.WriteJson(tx);
            return CliHost.Success;
        }
        context.Output.WriteLine($"{tx.Hash}  block {tx.BlockNumber} #{tx.IndexInBlock}  {(tx.Status == "unknown" ? "status unknown (pre-Byzantium)" : tx.Status)}  time {DateTimeOffset.FromUnixTimeSeconds(tx.Timestamp):u}");
        context.Console.Write(Render(tx.Transfers));
        return CliHost.Success;
    }

    private static Table Render(IReadOnlyList<EthTransferView> transfers)
    {
        var table = new Table().AddColumns("block", "kind", "from", "to", "amount", "asset", "tx");
        foreach (var t in transfers)
            table.AddRow(t.Block.ToString(CultureInfo.InvariantCulture), t.Kind, t.From, t.To, t.NftTokenId is null ? t.Amount : "#" + t.NftTokenId, Markup.Escape(t.Asset), t.TransactionHash[..10] + "…");
        return table;
    }

    /// <summary>`cairn eth ingest --json`: what the run did and where the index stands.</summary>
    private sealed record EthIngestJson(long? FirstBlock, long? LastBlock, long Blocks, long Transactions, long NativeTransfers, long InternalTransfers, long TokenTransfers,
        long RolledBackBlocks, string TraceMode, string? Note, EthIngestJson.IndexState Index)
    {
        public sealed record IndexState(string Directory, long StartBlock, long? LastBlock, long Transfers, long Addresses, long Tokens);
    }
}
