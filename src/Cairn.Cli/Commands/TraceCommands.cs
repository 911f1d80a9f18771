using System.CommandLine;
using System.Globalization;
using Cairn.Core;
using Cairn.Index.Bitcoin;
using Cairn.Tracing.Attribution;
using Cairn.Development.Attribution;
using Cairn.Tracing.Clustering;
using Cairn.Tracing.Ethereum;
using Cairn.Tracing.Paths;
using Cairn.Tracing.Taint;
using Cairn.Tracing.Tracing;
using Cairn.Workspace.Tracing;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>
/// `cairn trace`, `cairn path`, `cairn cluster`: follow funds over the Bitcoin index in
/// &lt;data&gt;/btc-index. Clusters are read from (or on first use built into) btc-index/addr_cluster.
/// </summary>
internal static class TraceCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var command = new Command("trace", "Follow funds through the chain (also: path, cluster)");
        var chain = new Option<string>("--chain") { Description = "btc | eth", DefaultValueFactory = _ => "btc" };
        var from = new Option<string[]>("--from") { Description = "Address, txid:vout or txid (repeatable); eth: one address", Required = true, AllowMultipleArgumentsPerToken = true };
        var direction = new Option<string>("--direction") { Description = "forward|backward (eth: forward only)", DefaultValueFactory = _ => "forward" };
        var model = new Option<string?>("--model") { Description = "btc: poison|haircut|fifo|lifo|tiho (default haircut); eth: fifo|haircut|poison (default fifo)" };
        var maxHops = new Option<int>("--max-hops") { Description = "Stop after this many transactions (eth: transfers)", DefaultValueFactory = _ => 10 };
        var minAmount = new Option<long>("--min-amount") { Description = "Do not follow less than this many base units (satoshi, wei or token units)" };
        var until = new Option<string?>("--until") { Description = "Time bound (ISO 8601): forward, spends after it; backward, funding before it" };
        var through = new Option<bool>("--through-coinjoin") { Description = "Continue through CoinJoins with haircut" };
        var asset = new Option<string>("--asset") { Description = "eth: ETH or a token contract address (0x…)", DefaultValueFactory = _ => "ETH" };
        var scenario = new Option<string?>("--scenario") { Description = "Also attribute from a generated chain's scenario.json (takes precedence over imported intel)" };
        var noIntel = new Option<bool>("--no-intel") { Description = "Do not read attribution from the data directory's intel (tags, actors)" };
        command.Options.Add(chain);
        command.Options.Add(from);
        command.Options.Add(direction);
        command.Options.Add(model);
        command.Options.Add(maxHops);
        command.Options.Add(minAmount);
        command.Options.Add(until);
        command.Options.Add(through);
        command.Options.Add(asset);
        command.Options.Add(scenario);
        command.Options.Add(noIntel);
        command.Options.Add(CaseCommands.AsOption);
        command.Options.Add(CaseCommands.AgencyOption);
        host.SetAction(command, async (context, parse, cancellationToken) =>
        {
            // One set of checks and one JSON shape with the API: TraceParameters and TraceReport (Cairn.Workspace).
            var parameters = new TraceParameters
            {
                Chain = parse.GetValue(chain)!.ToLowerInvariant(),
                From = parse.GetValue(from) ?? [],
                Direction = parse.GetValue(direction)!,
                Model = parse.GetValue(model),
                MaxHops = parse.GetValue(maxHops),
                MinAmountSat = parse.GetValue(minAmount),
                Until = parse.GetValue(until),
                ThroughCoinjoin = parse.GetValue(through),
                Asset = parse.GetValue(asset)!,
            };
            var ethRequest = parameters.IsEthereum ? parameters.ToEthRequest() : null;
            var request = ethRequest is null ? parameters.ToRequest() : null;
            var intel = parse.GetValue(noIntel) ? null : await OpenIntelAsync(context, parse, cancellationToken).ConfigureAwait(false);
            if (ethRequest is not null)
            {
                EthCommands.Trace(context, ethRequest, intel);
                return CliHost.Success;
            }
            using var index = BtcIndexCommands.OpenIndex(context);
            var clusters = AddressClusters.OpenOrBuild(index);
            var attribution = Attribution(index, clusters, parse.GetValue(scenario), intel);
            var result = new Tracer(index, clusters, attribution).Trace(request!);
            if (context.Json) context.WriteJson(TraceReport.From(result));
            else PrintTrace(context, result);
            return CliHost.Success;
        });
        return command;
    }

    /// <summary>`cairn path --from A --to B [--max-hops N] [--cluster]`: shortest value-carrying paths.</summary>
    public static Command BuildPath(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var command = new Command("path", "Shortest value-carrying paths between two addresses (or to a cluster)");
        var from = new Option<string>("--from") { Description = "Source address", Required = true };
        var to = new Option<string>("--to") { Description = "Target address", Required = true };
        var maxHops = new Option<int>("--max-hops") { Description = "Search bound in transactions", DefaultValueFactory = _ => 6 };
        var byCluster = new Option<bool>("--cluster") { Description = "Any address of the target's cluster counts" };
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(maxHops);
        command.Options.Add(byCluster);
        host.SetAction(command, (context, parse) =>
        {
            using var index = BtcIndexCommands.OpenIndex(context);
            var wantCluster = parse.GetValue(byCluster);
            var finder = new PathFinder(index, wantCluster ? AddressClusters.OpenOrBuild(index) : null);
            var result = finder.Find(parse.GetValue(from)!, parse.GetValue(to)!, parse.GetValue(maxHops), wantCluster);
            if (context.Json)
            {
                context.WriteJson(new
                {
                    result.From, result.To, result.MaxHops, found = result.Paths.Count > 0,
                    hops = result.Paths.Count > 0 ? result.Paths[0].Hops : (int?)null,
                    paths = result.Paths.Select(p => p.Outputs), more_paths_exist = result.MorePathsExist,
                    result.OutputsVisited, result.VisitLimitHit,
                });
                return CliHost.Success;
            }
            if (result.Paths.Count == 0)
                context.Console.MarkupLine(Markup.Escape($"no path within {result.MaxHops} hops ({result.OutputsVisited} outputs searched{(result.VisitLimitHit ? ", visit limit hit" : "")})"));
            foreach (var path in result.Paths) context.Console.WriteLine($"{path.Hops} hops: {string.Join(" -> ", path.Outputs)}");
            return CliHost.Success;
        });
        return command;
    }

    /// <summary>`cairn cluster ADDR [--offset N] [--limit N]`: the multi-input cluster of an address.</summary>
    public static Command BuildCluster(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var command = new Command("cluster", "The multi-input cluster of an address: id, size, tags, addresses (paged)");
        var address = new Argument<string>("address") { Description = "A Bitcoin address" };
        var offset = new Option<long>("--offset") { Description = "Addresses to skip" };
        var limit = new Option<int>("--limit") { Description = "Addresses to list", DefaultValueFactory = _ => 100 };
        var scenario = new Option<string?>("--scenario") { Description = "Attribution from a generated chain's scenario.json" };
        var rebuild = new Option<bool>("--rebuild") { Description = "Rebuild btc-index/addr_cluster first" };
        var noIntel = new Option<bool>("--no-intel") { Description = "Do not read attribution from the data directory's intel (tags, actors)" };
        command.Arguments.Add(address);
        command.Options.Add(noIntel);
        command.Options.Add(CaseCommands.AsOption);
        command.Options.Add(CaseCommands.AgencyOption);
        command.Options.Add(offset);
        command.Options.Add(limit);
        command.Options.Add(scenario);
        command.Options.Add(rebuild);
        host.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var intel = parse.GetValue(noIntel) ? null : await OpenIntelAsync(context, parse, cancellationToken).ConfigureAwait(false);
            using var index = BtcIndexCommands.OpenIndex(context);
            if (parse.GetValue(rebuild)) File.Delete(Path.Combine(index.Directory, AddressClusters.FileName));
            var clusters = AddressClusters.OpenOrBuild(index);
            var addressId = SeedResolver.FindAddress(index, parse.GetValue(address)!);
            var clusterId = clusters.ClusterOf(addressId);
            var attribution = Attribution(index, clusters, parse.GetValue(scenario), intel);
            var tag = attribution?.LookupCluster(clusterId) ?? attribution?.Lookup(addressId);
            var skip = Math.Max(0, parse.GetValue(offset));
            var take = Math.Clamp(parse.GetValue(limit), 0, 10_000);
            var members = clusters.Members(clusterId, skip).Take(take).Select(index.AddressString).ToList();
            var size = clusters.SizeOf(clusterId);
            if (context.Json)
            {
                context.WriteJson(new
                {
                    cluster_id = clusterId, size, heuristic = "multi_input", tags = tag is null ? [] : new[] { tag },
                    offset = skip, limit = take, addresses = members, next_offset = skip + members.Count < size ? skip + members.Count : (long?)null,
                });
                return CliHost.Success;
            }
            context.Console.MarkupLine(Markup.Escape($"cluster {clusterId}: {size} addresses (multi-input heuristic)"));
            if (tag is not null) context.Console.MarkupLine(Markup.Escape($"attributed: {tag.Label} ({tag.Category}, {string.Join(",", tag.Jurisdictions)}) confidence {tag.Confidence:0.00} from {tag.Source}"));
            foreach (var member in members) context.Console.WriteLine(member);
            if (skip + members.Count < size) context.Console.MarkupLine(Markup.Escape($"… {size - skip - members.Count} more (--offset {skip + members.Count})"));
            return CliHost.Success;
        });
        return command;
    }

    /// <summary>Attribution from the data directory's intel store, with a scenario file (when given) taking precedence.</summary>
    private static ClusterAttribution? Attribution(BitcoinIndex index, AddressClusters clusters, string? scenarioPath, IntelAttributionSource? intel)
    {
        var layers = new List<IAttributionSource>();
        if (scenarioPath is not null) layers.Add(ScenarioAttributionSource.Load(scenarioPath));
        if (intel is not null && (intel.Count > 0 || intel.SanctionedCount > 0)) layers.Add(intel);
        return layers.Count switch
        {
            0 => null,
            1 => new ClusterAttribution(index, clusters, layers[0]),
            _ => new ClusterAttribution(index, clusters, new LayeredAttributionSource(layers)),
        };
    }

    /// <summary>A snapshot of the data directory's tags, actors and sanctions (the same store `cairn intel` writes).</summary>
    internal static async Task<IntelAttributionSource> OpenIntelAsync(CliContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var (database, service) = await IntelCommands.OpenAsync(context, parse, cancellationToken).ConfigureAwait(false);
        await using (database)
            return await IntelAttributionSource.FromStoreAsync(service.Store, cancellationToken).ConfigureAwait(false);
    }

    private static string Btc(long sat) => BaseUnits.ToDecimalString(sat, BaseUnits.BitcoinDecimals);

    private static void PrintTrace(CliContext context, TraceResult result)
    {
        context.Console.MarkupLine(Markup.Escape($"traced {Btc(result.SeedAmountSat)} BTC from {result.SeedOutputs.Count} output(s), {result.Request.Model} {result.Request.Direction}; fees {Btc(result.FeesSat)} BTC; {result.TransactionsVisited} transactions; tip {result.TipHeight}"));
        var table = new Table().AddColumns("amount (BTC)", "share", "hops", "reason", "address", "actor", "jurisdictions");
        foreach (var e in result.Endpoints.Take(50))
            table.AddRow(Btc(e.AmountSat), e.Share.ToString("P2", CultureInfo.InvariantCulture), e.Hops.ToString(CultureInfo.InvariantCulture),
                e.Reason.ToString(), Markup.Escape(e.Address ?? "(no address)"), Markup.Escape(e.Attribution?.Label ?? ""), string.Join(",", e.Attribution?.Jurisdictions ?? []));
        context.Console.Write(table);
        if (result.Endpoints.Count > 50) context.Console.MarkupLine(Markup.Escape($"… {result.Endpoints.Count - 50} more endpoints (use --json for all)"));
        foreach (var j in result.Jurisdictions) context.Console.MarkupLine(Markup.Escape($"{j.Jurisdiction}: {Btc(j.AmountSat)} BTC at {string.Join(", ", j.Actors)}"));
        foreach (var b in result.Bounds) context.Console.MarkupLine(Markup.Escape($"bound hit: {b.Limit}: {b.UnexploredOutputs} outputs, {Btc(b.AmountSat)} BTC unexplored"));
        foreach (var p in result.PeelChains) context.Console.MarkupLine(Markup.Escape($"peel chain: {p.Length} transactions, {p.Peels} peels from {p.TxIds[0]} ({p.Rule}, confidence {p.Confidence:F2}, {p.EndReason})"));
    }
}
