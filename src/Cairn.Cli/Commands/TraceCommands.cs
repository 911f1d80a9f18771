using System.CommandLine;
using System.Globalization;
using Cairn.Chains;
using Cairn.Core;
using Cairn.Core.Paging;
using Cairn.Development.Attribution;
using Cairn.Workspace.Tracing;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>
/// `cairn trace`, `cairn path`, `cairn cluster`: follow funds over the data directory's chain
/// indexes, each one call into <see cref="TraceService"/> with the same request shape the API takes.
/// </summary>
internal static class TraceCommands
{
    private static readonly Option<string?> Scenario = new("--scenario") { Description = "Also attribute from a generated chain's scenario.json (development; asked before imported intel)" };

    private static readonly Option<bool> NoIntel = new("--no-intel") { Description = "Do not read attribution from the data directory's intel (tags, actors)" };

    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var chain = new Option<string>("--chain") { Description = TraceableChains(), DefaultValueFactory = _ => "btc" };
        var from = new Option<string[]>("--from") { Description = "Address, txid:vout or txid (repeatable); account chains (eth…): one address", Required = true, AllowMultipleArgumentsPerToken = true };
        var direction = new Option<string>("--direction") { Description = "forward|backward (account chains: forward only)", DefaultValueFactory = _ => "forward" };
        var model = new Option<string?>("--model") { Description = "UTXO chains: poison|haircut|fifo|lifo|tiho (default haircut); account chains: fifo|haircut|poison (default fifo)" };
        var maxHops = new Option<int>("--max-hops") { Description = "Stop after this many transactions (eth: transfers)", DefaultValueFactory = _ => 10 };
        var minAmount = new Option<long?>("--min-amount") { Description = "Do not follow less than this many base units (satoshi, wei or token units)" };
        var until = new Option<string?>("--until") { Description = "Time bound (ISO 8601): forward, spends after it; backward, funding before it" };
        var through = new Option<bool>("--through-coinjoin") { Description = "UTXO chains: continue through CoinJoins with haircut" };
        var asset = new Option<string?>("--asset") { Description = "Account chains: the native coin (default), a token the chain lists (USDT, USDC) or a token contract address (0x…)" };
        var command = new Command("trace", "Follow funds through the chain (also: path, cluster)") { chain, from, direction, model, maxHops, minAmount, until, through, asset, Scenario, NoIntel };
        host.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var isEthereum = ChainRegistry.Find(parse.GetValue(chain))?.Family == ChainFamily.Account;
            var minimum = parse.GetValue(minAmount)?.ToString(CultureInfo.InvariantCulture);
            var parameters = new TraceParameters
            {
                Chain = parse.GetValue(chain)!.ToLowerInvariant(),
                From = parse.GetValue(from) ?? [],
                Direction = parse.GetValue(direction)!,
                Model = parse.GetValue(model),
                MaxHops = parse.GetValue(maxHops),
                MinAmountSat = isEthereum ? null : minimum,
                MinAmount = isEthereum ? minimum : null,
                Until = parse.GetValue(until),
                ThroughCoinjoin = isEthereum ? null : parse.GetValue(through),
                Asset = isEthereum ? parse.GetValue(asset) : null,
            }.Normalized();
            var traces = context.Get<TraceService>();
            if (isEthereum)
            {
                var report = await traces.TraceEthereumAsync(parameters, Attribution(parse), cancellationToken).ConfigureAwait(false);
                if (context.Json) context.WriteJson(report);
                else PrintEthereum(context, report);
                return CliHost.Success;
            }
            var btc = await traces.TraceBitcoinAsync(parameters, Attribution(parse), cancellationToken).ConfigureAwait(false);
            if (context.Json) context.WriteJson(btc);
            else PrintBitcoin(context, btc);
            return CliHost.Success;
        });
        return command;
    }

    /// <summary>`cairn path --from A --to B [--max-hops N] [--cluster]`: shortest value-carrying paths.</summary>
    public static Command BuildPath(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var from = new Option<string>("--from") { Description = "Source address", Required = true };
        var to = new Option<string>("--to") { Description = "Target address", Required = true };
        var maxHops = new Option<int>("--max-hops") { Description = "Search bound in transactions (1–20)", DefaultValueFactory = _ => 6 };
        var byCluster = new Option<bool>("--cluster") { Description = "Any address of the target's cluster counts" };
        var chain = new Option<string>("--chain") { Description = UtxoChains(), DefaultValueFactory = _ => "btc" };
        var command = new Command("path", "Shortest value-carrying paths between two addresses (or to a cluster)") { from, to, maxHops, byCluster, chain };
        host.SetAction(command, (context, parse) =>
        {
            var result = context.Get<TraceService>().FindPaths(new PathRequest(parse.GetValue(from), parse.GetValue(to), parse.GetValue(maxHops), parse.GetValue(byCluster), parse.GetValue(chain)));
            if (context.Json)
            {
                context.WriteJson(result);
                return CliHost.Success;
            }
            if (!result.Found)
                context.Output.WriteLine($"no path within {result.MaxHops} hops ({result.OutputsVisited} outputs searched{(result.VisitLimitHit ? ", visit limit hit" : "")})");
            foreach (var path in result.Paths) context.Output.WriteLine($"{path.Count - 1} hops: {string.Join(" -> ", path)}");
            return CliHost.Success;
        });
        return command;
    }

    /// <summary>`cairn cluster ADDR [--offset N] [--limit N]`: the multi-input cluster of an address.</summary>
    public static Command BuildCluster(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var address = new Argument<string>("address") { Description = "An address of a UTXO chain" };
        var offset = new Option<long>("--offset") { Description = "Addresses to skip" };
        var limit = new Option<int>("--limit") { Description = "Addresses to list (at most 10,000)", DefaultValueFactory = _ => 100 };
        var rebuild = new Option<bool>("--rebuild") { Description = "Rebuild <chain>-index/addr_cluster first" };
        var chain = new Option<string>("--chain") { Description = UtxoChains(), DefaultValueFactory = _ => "btc" };
        var command = new Command("cluster", "The multi-input cluster of an address: id, size, tags, addresses (paged)") { address, offset, limit, Scenario, NoIntel, rebuild, chain };
        host.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var page = PageRequest.Of(Math.Max(0, parse.GetValue(offset)), Math.Clamp(parse.GetValue(limit), 1, 10_000), 10_000);
            var cluster = await context.Get<TraceService>().ClusterAsync(parse.GetValue(address)!, page, Attribution(parse), parse.GetValue(rebuild), cancellationToken, parse.GetValue(chain)!).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(cluster);
                return CliHost.Success;
            }
            context.Output.WriteLine($"cluster {cluster.ClusterId}: {cluster.Size} addresses (multi-input heuristic)");
            foreach (var tag in cluster.Tags)
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"attributed: {tag.Label} ({tag.Category}, {string.Join(",", tag.Jurisdictions)}) confidence {tag.Confidence:0.00} from {tag.Source}"));
            foreach (var member in cluster.Addresses) context.Output.WriteLine(member);
            if (cluster.NextOffset is { } next) context.Output.WriteLine($"… {cluster.Size - next} more (--offset {next})");
            return CliHost.Success;
        });
        return command;
    }

    private static string TraceableChains() => string.Join(" | ", ChainRegistry.All.Where(c => c.Support.Trace).Select(c => c.Id));

    private static string UtxoChains() => string.Join(" | ", ChainRegistry.All.Where(c => c.Support.Cluster).Select(c => c.Id));

    /// <summary>Intel unless --no-intel, with a generated chain's scenario asked first when --scenario is given.</summary>
    private static TraceAttribution Attribution(ParseResult parse) =>
        new(UseIntel: !parse.GetValue(NoIntel), Overlay: parse.GetValue(Scenario) is { } path ? ScenarioAttributionSource.Load(path) : null);

    private static string Btc(string sat) => BaseUnits.ToDecimalString(long.Parse(sat, CultureInfo.InvariantCulture), BaseUnits.BitcoinDecimals);

    private static void PrintBitcoin(CliContext context, TraceReport report)
    {
        var symbol = ChainRegistry.Get(report.Chain).Symbol;
        context.Output.WriteLine($"traced {report.TracedAmountBtc} {symbol} from {report.SeedOutputs.Count} output(s), {report.Request.Model} {report.Request.Direction}; fees {report.FeesBtc} {symbol}; {report.TransactionsVisited} transactions; tip {report.TipHeight}");
        var table = new Table().AddColumns($"amount ({symbol})", "share", "hops", "reason", "address", "actor", "jurisdictions");
        foreach (var e in report.Endpoints.Take(50))
            table.AddRow(e.AmountBtc, e.Share.ToString("P2", CultureInfo.InvariantCulture), e.Hops.ToString(CultureInfo.InvariantCulture),
                e.Reason, Markup.Escape(e.Address ?? "(no address)"), Markup.Escape(e.ActorLabel ?? ""), string.Join(",", e.Jurisdictions));
        context.Console.Write(table);
        if (report.Endpoints.Count > 50) context.Output.WriteLine($"… {report.Endpoints.Count - 50} more endpoints (use --json for all)");
        foreach (var j in report.Jurisdictions) context.Output.WriteLine($"{j.Jurisdiction}: {j.AmountBtc} {symbol} at {string.Join(", ", j.Actors)}");
        foreach (var b in report.Bounds) context.Output.WriteLine($"bound hit: {b.Limit}: {b.UnexploredOutputs} outputs, {Btc(b.AmountSat)} {symbol} unexplored");
        foreach (var p in report.PeelChains)
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peel chain: {p.Length} transactions, {p.Peels} peels from {p.TxIds[0]} ({p.Rule}, confidence {p.Confidence:F2}, {p.EndReason})"));
        foreach (var h in report.Heuristics)
            context.Output.WriteLine($"heuristic {h.Rule} ({h.Times}×, {h.UsedFor}): {Measured(h.Measured.FirstOrDefault(m => m.Precision is not null))}");
    }

    /// <summary>"precision 99.5 % (97.4–99.9), n = 211, on mainnet-address-reuse (2010-07 – 2024-06, independent, real)".</summary>
    private static string Measured(Cairn.Tracing.Heuristics.ErrorRates.MeasuredRate? rate) => rate is null
        ? "no measured precision (cairn heuristics report)"
        : string.Create(CultureInfo.InvariantCulture,
            $"precision {rate.Precision * 100:0.0} % ({rate.PrecisionInterval!.Low * 100:0.0}–{rate.PrecisionInterval.High * 100:0.0}), n = {rate.PrecisionSupport:N0}, on {rate.DataSet} ({rate.DataSetPeriod}, {HeuristicsCommands.Words(rate.Evidence)})");

    private static void PrintEthereum(CliContext context, EthTraceReport report)
    {
        context.Output.WriteLine($"traced {report.TracedAmountDecimal} {report.Asset} leaving {report.Seed}; {report.ExaminedTransfers} transfers examined; tip block {report.TipBlock}");
        var table = new Table().AddColumns("amount", "share", "hops", "reason", "address", "actor", "jurisdictions");
        foreach (var e in report.Endpoints.Take(50))
            table.AddRow(e.AmountDecimal, e.Share.ToString("P2", CultureInfo.InvariantCulture), e.Hops.ToString(CultureInfo.InvariantCulture), e.Reason,
                e.Address, Markup.Escape(e.Actor ?? ""), string.Join(",", e.Jurisdictions));
        context.Console.Write(table);
        if (report.Endpoints.Count > 50) context.Output.WriteLine($"… {report.Endpoints.Count - 50} more endpoints (use --json for all)");
        foreach (var j in report.Jurisdictions) context.Output.WriteLine($"{j.Jurisdiction}: {j.AmountDecimal} {report.Asset}");
        foreach (var b in report.Bounds) context.Output.WriteLine($"bound hit: {b.Bound}: {b.Detail}; {b.UnexploredAmount} base units of {report.Asset} unexplored");
    }
}
