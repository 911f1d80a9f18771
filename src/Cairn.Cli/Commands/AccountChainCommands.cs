using System.CommandLine;
using System.Globalization;
using Cairn.Chains;
using Cairn.Workspace.Chain;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>
/// `cairn eth|bsc|polygon|arbitrum|base`: one command group per EVM chain of the registry (ingest,
/// transactions, addresses; index in &lt;data&gt;/&lt;id&gt;-index/); each one call into <see cref="ChainService"/>.
/// </summary>
internal sealed class AccountChainCommands
{
    private readonly Option<string> Rpc = new("--rpc") { Description = "JSON-RPC URL of the chain's node (http://127.0.0.1:8545)", Required = true };
    private readonly Option<long?> From = new("--from") { Description = "First block (default: where the index ends, else 0)" };
    private readonly Option<long?> To = new("--to") { Description = "Last block (default: the node's latest)" };
    private readonly Option<int> BatchBlocks = new("--batch-blocks") { Description = "Blocks fetched and committed together", DefaultValueFactory = _ => 50 };
    private readonly Option<int> ReorgDepth = new("--reorg-depth") { Description = "Last blocks re-checked by hash before resuming", DefaultValueFactory = _ => 64 };
    private readonly Option<int> Limit = new("--limit") { Description = "Most transfers listed per direction", DefaultValueFactory = _ => 50 };
    private readonly Argument<string> Address = new("address") { Description = "Address (0x…, EIP-55 checksum checked when mixed case)" };
    private readonly Argument<string> Hash = new("hash") { Description = "Transaction hash (0x + 64 hex digits)" };

    /// <summary>The chain's group; options are made per chain (a System.CommandLine symbol belongs to one command).</summary>
    public static Command Build(CliHost host, ChainDefinition chain) => new AccountChainCommands().BuildGroup(host, chain);

    private Command BuildGroup(CliHost host, ChainDefinition chain)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(chain);
        var group = new Command(chain.Id, $"{chain.Name} chain: ingest, transactions, addresses");

        var ingest = new Command("ingest", "Ingest blocks, receipts, token and internal transfers from a node over JSON-RPC") { Rpc, From, To, BatchBlocks, ReorgDepth };
        host.SetAction(ingest, (context, parse, cancellationToken) => IngestAsync(context, parse, chain, cancellationToken));
        group.Subcommands.Add(ingest);

        var address = new Command("address", "Transfers to and from an address") { Address, Limit };
        host.SetAction(address, (context, parse) => ShowAddress(context, parse, chain));
        group.Subcommands.Add(address);

        var tx = new Command("tx", "A transaction and the transfers it made") { Hash };
        host.SetAction(tx, (context, parse) => ShowTransaction(context, parse, chain));
        group.Subcommands.Add(tx);
        // Present for every chain so scripts can call it uniformly; the application refuses account chains for now (docs/parquet.md).
        group.Subcommands.Add(ExportParquetCommand.Build(host, chain));
        return group;
    }

    private async Task<int> IngestAsync(CliContext context, ParseResult parse, ChainDefinition chain, CancellationToken cancellationToken)
    {
        var chains = context.Get<ChainService>();
        var directory = chains.IndexDirectory(chain.Id);
        var report = await chains.IngestAccountAsync(chain.Id, new EthereumIngestRequest(parse.GetValue(Rpc), parse.GetValue(From), parse.GetValue(To), parse.GetValue(BatchBlocks), parse.GetValue(ReorgDepth)), cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            context.WriteJson(new EthIngestJson(report.FirstBlock, report.LastBlock, report.Blocks, report.Transactions, report.NativeTransfers, report.InternalTransfers, report.TokenTransfers,
                report.RolledBackBlocks, report.TraceMode, report.Note,
                new EthIngestJson.IndexState(directory, report.Head.StartBlock, report.Head.LastBlock, report.Head.Transfers, report.Head.Addresses, report.Head.Tokens)));
            return CliHost.Success;
        }
        var table = new Table().AddColumns("ingested", "value");
        table.AddRow("blocks", report.Blocks == 0 ? "none (index is up to date)" : $"{report.Blocks} ({report.FirstBlock}..{report.LastBlock})");
        table.AddRow("transactions", report.Transactions.ToString(CultureInfo.InvariantCulture));
        table.AddRow("native / internal / token transfers", $"{report.NativeTransfers} / {report.InternalTransfers} / {report.TokenTransfers}");
        table.AddRow("rolled back (reorganisation)", report.RolledBackBlocks.ToString(CultureInfo.InvariantCulture));
        table.AddRow("internal transfers from", Markup.Escape(report.TraceMode));
        table.AddRow("index", Markup.Escape($"{directory}: blocks {report.Head.StartBlock}..{report.Head.LastBlock}, {report.Head.Transfers} transfers, {report.Head.Addresses} addresses"));
        context.Console.Write(table);
        if (report.Note is not null) context.Output.WriteLine("note: " + report.Note);
        return CliHost.Success;
    }

    private int ShowAddress(CliContext context, ParseResult parse, ChainDefinition chain)
    {
        var limit = Math.Max(1, parse.GetValue(Limit));
        var view = context.Get<ChainService>().AccountAddress(chain.Id, parse.GetValue(Address)!, limit);
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

    private int ShowTransaction(CliContext context, ParseResult parse, ChainDefinition chain)
    {
        var tx = context.Get<ChainService>().AccountTransaction(chain.Id, parse.GetValue(Hash)!);
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
