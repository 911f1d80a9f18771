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
        var text = parse.GetValue(Address)!;
        var normalized = EthAddress.Normalize(text);
        using var index = EthereumIndex.Open(IndexDirectory(context));
        var id = index.AddressId(normalized);
        var limit = Math.Max(1, parse.GetValue(Limit));
        var outgoing = index.OutgoingRows(id).ToList();
        var incoming = index.IncomingRows(id).ToList();
        var balances = new Dictionary<int, System.Numerics.BigInteger>();
        foreach (var row in incoming) Add(balances, index.Transfer(row), +1);
        foreach (var row in outgoing) Add(balances, index.Transfer(row), -1);
        var net = balances.OrderBy(b => b.Key).Select(b => Amount(index, b.Key, b.Value)).ToList();
        var shownOut = outgoing.TakeLast(limit).Select(r => TransferView(index, r)).ToList();
        var shownIn = incoming.TakeLast(limit).Select(r => TransferView(index, r)).ToList();
        if (context.Json)
        {
            context.WriteJson(new
            {
                Address = EthAddress.ToChecksum(normalized),
                AddressId = id,
                OutgoingCount = outgoing.Count,
                IncomingCount = incoming.Count,
                NetFlow = net,
                Outgoing = shownOut,
                Incoming = shownIn,
                Truncated = outgoing.Count > limit || incoming.Count > limit,
            });
            return CliHost.Success;
        }
        context.Console.WriteLine($"{EthAddress.ToChecksum(normalized)}: {incoming.Count} transfers in, {outgoing.Count} out");
        foreach (var amount in net) context.Console.WriteLine($"  net flow {amount.Asset}: {amount.Amount} (base units {amount.AmountBaseUnits})");
        context.Console.Write(Render(shownIn.Concat(shownOut).OrderBy(t => t.Block).ThenBy(t => t.Row).ToList()));
        if (outgoing.Count > limit || incoming.Count > limit) context.Console.WriteLine($"(latest {limit} per direction shown; --limit N for more)");
        return CliHost.Success;
    }

    private static int ShowTransaction(CliContext context, ParseResult parse)
    {
        using var index = EthereumIndex.Open(IndexDirectory(context));
        var tx = index.FindTransaction(parse.GetValue(Hash)!.Trim().ToLowerInvariant());
        var transfers = index.TransfersOfTransaction(tx.Id).Select(r => TransferView(index, r)).ToList();
        if (context.Json)
        {
            context.WriteJson(new { tx.Hash, tx.BlockNumber, tx.IndexInBlock, Status = tx.Succeeded switch { true => "success", false => "failed", null => "unknown" }, tx.Timestamp, Transfers = transfers });
            return CliHost.Success;
        }
        context.Console.WriteLine($"{tx.Hash}  block {tx.BlockNumber} #{tx.IndexInBlock}  {(tx.Succeeded switch { true => "success", false => "failed", null => "status unknown (pre-Byzantium)" })}  time {DateTimeOffset.FromUnixTimeSeconds(tx.Timestamp):u}");
        context.Console.Write(Render(transfers));
        return CliHost.Success;
    }

    /// <summary>`cairn trace --chain eth`: runs <see cref="EthereumTracer"/> over the data directory's Ethereum index and prints the result.</summary>
    internal static void Trace(CliContext context, EthTraceRequest request, IEthAttributionLookup? attribution)
    {
        using var index = EthereumIndex.Open(IndexDirectory(context));
        var result = EthereumTracer.Trace(index, request, attribution);
        var decimals = result.Decimals;
        string Human(string baseUnits) => decimals is { } d ? BaseUnits.ToDecimalString(System.Numerics.BigInteger.Parse(baseUnits, CultureInfo.InvariantCulture), d) : baseUnits;
        if (context.Json)
        {
            context.WriteJson(new
            {
                chain = "eth",
                request = new { from = request.Seed, asset = request.Asset, model = result.Model, max_hops = request.MaxHops, min_amount = request.MinAmount.ToString(CultureInfo.InvariantCulture), until = request.ToTime },
                tip_block = index.Head.LastBlock, tip_hash = index.Head.LastBlock is { } last ? index.BlockHash(last) : null,
                seed = result.Seed, asset = result.Asset, token_contract = result.TokenContract, decimals = result.Decimals,
                traced_amount = result.SeedAmount, traced_amount_decimal = Human(result.SeedAmount),
                examined_transfers = result.ExaminedTransfers,
                endpoints = result.Endpoints.Select(e => new
                {
                    address = e.Address, actor = e.Actor, category = e.Category, jurisdictions = e.Jurisdictions, confidence = e.Confidence,
                    amount = e.Amount, amount_decimal = Human(e.Amount), share = e.Share, hops = e.Hops, reason = e.Reason, paths = e.Paths,
                }),
                jurisdictions = result.JurisdictionTotals.Select(j => new { jurisdiction = j.Jurisdiction, amount = j.Amount, amount_decimal = Human(j.Amount), share = j.Share }),
                bounds = result.BoundsHit.Select(b => new { bound = b.Bound, detail = b.Detail, unexplored_amount = b.UnexploredAmount }),
            });
            return;
        }
        context.Console.MarkupLine(Markup.Escape($"traced {Human(result.SeedAmount)} {result.Asset} leaving {result.Seed}, {result.Model}; {result.ExaminedTransfers} transfers examined; tip block {index.Head.LastBlock}"));
        var table = new Table().AddColumns("amount", "share", "hops", "reason", "address", "actor", "jurisdictions");
        foreach (var e in result.Endpoints.Take(50))
            table.AddRow(Human(e.Amount), e.Share.ToString("P2", CultureInfo.InvariantCulture), e.Hops.ToString(CultureInfo.InvariantCulture), e.Reason,
                e.Address, Markup.Escape(e.Actor ?? ""), string.Join(",", e.Jurisdictions));
        context.Console.Write(table);
        if (result.Endpoints.Count > 50) context.Console.MarkupLine(Markup.Escape($"… {result.Endpoints.Count - 50} more endpoints (use --json for all)"));
        foreach (var j in result.JurisdictionTotals) context.Console.MarkupLine(Markup.Escape($"{j.Jurisdiction}: {Human(j.Amount)} {result.Asset}"));
        foreach (var b in result.BoundsHit) context.Console.MarkupLine(Markup.Escape($"bound hit: {b.Bound}: {b.Detail}; {Human(b.UnexploredAmount)} {result.Asset} unexplored"));
    }

    private static void Add(Dictionary<int, System.Numerics.BigInteger> balances, EthTransfer transfer, int sign)
    {
        balances.TryGetValue(transfer.TokenId, out var current);
        balances[transfer.TokenId] = current + sign * transfer.Value;
    }

    private sealed record AmountView(string Asset, string? TokenContract, string AmountBaseUnits, string Amount);

    private sealed record TransferRowView(long Row, string Kind, string From, string To, string Asset, string? TokenContract, string AmountBaseUnits, string Amount, string? NftTokenId, string TransactionHash, int Ordinal, long Block);

    private static AmountView Amount(EthereumIndex index, int tokenId, System.Numerics.BigInteger value)
    {
        var token = index.Token(tokenId);
        var asset = token.Symbol.Length > 0 ? token.Symbol : token.Contract ?? "?";
        return new AmountView(asset, token.Contract is null ? null : EthAddress.ToChecksum(token.Contract), value.ToString(CultureInfo.InvariantCulture),
            token.Decimals is { } decimals ? BaseUnits.ToDecimalString(value, decimals) : value.ToString(CultureInfo.InvariantCulture));
    }

    private static TransferRowView TransferView(EthereumIndex index, long row)
    {
        var transfer = index.Transfer(row);
        var amount = Amount(index, transfer.TokenId, transfer.Value);
        return new TransferRowView(row, KindName(transfer.Kind), EthAddress.ToChecksum(index.AddressOf(transfer.FromId)), EthAddress.ToChecksum(index.AddressOf(transfer.ToId)),
            amount.Asset, amount.TokenContract, amount.AmountBaseUnits, amount.Amount, index.NftTokenId(row)?.ToString(CultureInfo.InvariantCulture),
            index.Transaction(transfer.TransactionId).Hash, transfer.Ordinal, transfer.BlockNumber);
    }

    private static string KindName(TransferKind kind) => kind switch
    {
        TransferKind.Native => "native",
        TransferKind.Internal => "internal",
        TransferKind.Erc20 => "erc20",
        TransferKind.Erc721 => "erc721",
        _ => kind.ToString(),
    };

    private static Table Render(IReadOnlyList<TransferRowView> transfers)
    {
        var table = new Table().AddColumns("block", "kind", "from", "to", "amount", "asset", "tx");
        foreach (var t in transfers)
            table.AddRow(t.Block.ToString(CultureInfo.InvariantCulture), t.Kind, t.From, t.To, t.NftTokenId is null ? t.Amount : "#" + t.NftTokenId, Markup.Escape(t.Asset), t.TransactionHash[..10] + "…");
        return table;
    }
}
