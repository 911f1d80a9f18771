using System.CommandLine;
using System.Globalization;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Chains.Ethereum.Ingest;
using Cairn.Chains.Ethereum.Rpc;
using Cairn.Chains.Ethereum.Tokens;
using Cairn.Chains.Ethereum.Transfers;
using Cairn.Core;
using Cairn.Index.Ethereum;
using Cairn.Tracing.Ethereum;
using Cairn.Workspace.Chain;
using Cairn.Workspace.Tracing;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>`cairn eth`: Ethereum chain: ingest, transactions, addresses. Index in &lt;data&gt;/eth-index/.</summary>
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

    public static string IndexDirectory(CliContext context) => context.PathIn("eth-index");

    private static async Task<int> IngestAsync(CliContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var url = parse.GetValue(Rpc)!;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            throw new CairnException($"malformed --rpc '{url}': expected an http(s) URL such as http://127.0.0.1:8545");
        using var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(2) };
        var client = new EthJsonRpcClient(http, endpoint, new EthRpcOptions(), context.Time);
        var ingestor = new EthIngestor(new EthBlockFetcher(client), new TokenMetadataReader(client));
        using var writer = EthereumIndexWriter.Open(IndexDirectory(context));
        var options = new EthIngestOptions { From = parse.GetValue(From), To = parse.GetValue(To), BlocksPerCommit = parse.GetValue(BatchBlocks), ReorgDepth = parse.GetValue(ReorgDepth) };
        var report = await ingestor.RunAsync(writer, options, null, cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            context.WriteJson(new
            {
                report.FirstBlock,
                report.LastBlock,
                report.Blocks,
                report.Transactions,
                report.NativeTransfers,
                report.InternalTransfers,
                report.TokenTransfers,
                report.RolledBackBlocks,
                report.TraceMode,
                report.Note,
                Index = new { Directory = IndexDirectory(context), report.Head.StartBlock, LastBlock = report.Head.LastBlock, report.Head.Transfers, report.Head.Addresses, report.Head.Tokens },
            });
            return CliHost.Success;
        }
        var table = new Table().AddColumns("ingested", "value");
        table.AddRow("blocks", report.Blocks == 0 ? "none (index is up to date)" : $"{report.Blocks} ({report.FirstBlock}..{report.LastBlock})");
        table.AddRow("transactions", report.Transactions.ToString(CultureInfo.InvariantCulture));
        table.AddRow("native / internal / token transfers", $"{report.NativeTransfers} / {report.InternalTransfers} / {report.TokenTransfers}");
        table.AddRow("rolled back (reorganisation)", report.RolledBackBlocks.ToString(CultureInfo.InvariantCulture));
        table.AddRow("internal transfers from", Markup.Escape(report.TraceMode));
        table.AddRow("index", Markup.Escape($"{IndexDirectory(context)}: blocks {report.Head.StartBlock}..{report.Head.LastBlock}, {report.Head.Transfers} transfers, {report.Head.Addresses} addresses"));
        context.Console.Write(table);
        if (report.Note is not null) context.Console.WriteLine("note: " + report.Note);
        return CliHost.Success;
    }

    private static int ShowAddress(CliContext context, ParseResult parse)
    {
        using var index = EthereumIndex.Open(IndexDirectory(context));
        var limit = Math.Max(1, parse.GetValue(Limit));
        var view = EthAddressView.Find(index, parse.GetValue(Address)!, limit);
        if (context.Json)
        {
            context.WriteJson(view);
            return CliHost.Success;
        }
        context.Console.WriteLine($"{view.Address}: {view.IncomingCount} transfers in, {view.OutgoingCount} out");
        foreach (var amount in view.NetFlow) context.Console.WriteLine($"  net flow {amount.Asset}: {amount.Amount} (base units {amount.AmountBaseUnits})");
        context.Console.Write(Render(view.Incoming.Concat(view.Outgoing).OrderBy(t => t.Block).ThenBy(t => t.Row).ToList()));
        if (view.Truncated) context.Console.WriteLine($"(latest {limit} per direction shown; --limit N for more)");
        return CliHost.Success;
    }

    private static int ShowTransaction(CliContext context, ParseResult parse)
    {
        using var index = EthereumIndex.Open(IndexDirectory(context));
        var tx = EthTransactionView.Find(index, parse.GetValue(Hash)!);
        if (context.Json)
        {
            context.WriteJson(tx);
            return CliHost.Success;
        }
        context.Console.WriteLine($"{tx.Hash}  block {tx.BlockNumber} #{tx.IndexInBlock}  {(tx.Status == "unknown" ? "status unknown (pre-Byzantium)" : tx.Status)}  time {DateTimeOffset.FromUnixTimeSeconds(tx.Timestamp):u}");
        context.Console.Write(Render(tx.Transfers));
        return CliHost.Success;
    }

    /// <summary>`cairn trace --chain eth`: runs <see cref="EthereumTracer"/> over the data directory's Ethereum index and prints the result.</summary>
    internal static void Trace(CliContext context, EthTraceRequest request, IEthAttributionLookup? attribution)
    {
        using var index = EthereumIndex.Open(IndexDirectory(context));
        var report = EthTraceReport.From(index, request, EthereumTracer.Trace(index, request, attribution));
        if (context.Json)
        {
            context.WriteJson(report);
            return;
        }
        context.Console.MarkupLine(Markup.Escape($"traced {report.TracedAmountDecimal} {report.Asset} leaving {report.Seed}; {report.ExaminedTransfers} transfers examined; tip block {report.TipBlock}"));
        var table = new Table().AddColumns("amount", "share", "hops", "reason", "address", "actor", "jurisdictions");
        foreach (var e in report.Endpoints.Take(50))
            table.AddRow(e.AmountDecimal, e.Share.ToString("P2", CultureInfo.InvariantCulture), e.Hops.ToString(CultureInfo.InvariantCulture), e.Reason,
                e.Address, Markup.Escape(e.Actor ?? ""), string.Join(",", e.Jurisdictions));
        context.Console.Write(table);
        if (report.Endpoints.Count > 50) context.Console.MarkupLine(Markup.Escape($"… {report.Endpoints.Count - 50} more endpoints (use --json for all)"));
        foreach (var j in report.Jurisdictions) context.Console.MarkupLine(Markup.Escape($"{j.Jurisdiction}: {j.AmountDecimal} {report.Asset}"));
        foreach (var b in report.Bounds) context.Console.MarkupLine(Markup.Escape($"bound hit: {b.Bound}: {b.Detail}; {b.UnexploredAmount} base units of {report.Asset} unexplored"));
    }

    private static Table Render(IReadOnlyList<EthTransferView> transfers)
    {
        var table = new Table().AddColumns("block", "kind", "from", "to", "amount", "asset", "tx");
        foreach (var t in transfers)
            table.AddRow(t.Block.ToString(CultureInfo.InvariantCulture), t.Kind, t.From, t.To, t.NftTokenId is null ? t.Amount : "#" + t.NftTokenId, Markup.Escape(t.Asset), t.TransactionHash[..10] + "…");
        return table;
    }
}
