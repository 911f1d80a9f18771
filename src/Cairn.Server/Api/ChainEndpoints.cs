using Cairn.Intel.Store;
using Cairn.Server.Auth;
using Cairn.Tracing.Paths;
using Cairn.Tracing.Tracing;
using Cairn.Workspace.Chain;
using Cairn.Workspace.Intel;
using Cairn.Workspace.Tracing;

namespace Cairn.Server.Api;

/// <summary>
/// Chain and intelligence lookups (no case data, so no custody entries): index status, transaction
/// and address lookup, clusters, path search, an unsaved trace, screening, actors and intel statistics.
/// </summary>
internal static class ChainEndpoints
{
    public sealed record ScreenBody(IReadOnlyList<string>? Addresses, string? Chain);

    public sealed record PathBody(string? From, string? To, int? MaxHops, bool? Cluster);

    public const int MaxScreenBatch = 10_000;

    public static void Map(IEndpointRouteBuilder api)
    {
        var btc = api.MapGroup("/btc").WithTags("chain");
        btc.MapGet("/status", (ChainIndexes chains) =>
        {
            if (!chains.HasBitcoin) return Results.Ok(new { indexed = false });
            var index = chains.Bitcoin();
            return Results.Ok(new
            {
                indexed = true, network = index.Network.ToString().ToLowerInvariant(), tip_height = index.TipHeight, tip_hash = index.TipHash.ToString(),
                transactions = index.TransactionCount, outputs = index.OutputCount, inputs = index.InputCount, addresses = index.AddressCount,
            });
        });
        btc.MapGet("/tx/{txid}", (ChainIndexes chains, string txid) => TransactionView.Find(chains.Bitcoin(), txid));
        btc.MapGet("/address/{address}", (ChainIndexes chains, string address, long? offset, int? limit) =>
        {
            var (skip, take) = Page<object>.Bounds(offset, limit);
            return AddressView.Find(chains.Bitcoin(), address, skip, take);
        });
        btc.MapGet("/cluster/{address}", (ChainIndexes chains, string address, long? offset, int? limit) =>
        {
            var (skip, take) = Page<object>.Bounds(offset, limit);
            var index = chains.Bitcoin();
            var clusters = chains.Clusters();
            var clusterId = clusters.ClusterOf(SeedResolver.FindAddress(index, address));
            var size = clusters.SizeOf(clusterId);
            var members = clusters.Members(clusterId, skip).Take(take).Select(index.AddressString).ToList();
            return new { cluster_id = clusterId, size, heuristic = "multi_input", page = new Page<string>(members, skip, take, size, skip + members.Count < size ? skip + members.Count : null) };
        });
        btc.MapPost("/path", (ChainIndexes chains, PathBody body) =>
        {
            var index = chains.Bitcoin();
            var byCluster = body.Cluster ?? false;
            var maxHops = body.MaxHops ?? 6;
            if (maxHops is < 1 or > 20) throw new Core.CairnException($"max_hops {maxHops} is out of range 1–20");
            var result = new PathFinder(index, byCluster ? chains.Clusters() : null).Find(Http.Required(body.From, "from"), Http.Required(body.To, "to"), maxHops, byCluster);
            return new { result.From, result.To, result.MaxHops, found = result.Paths.Count > 0, paths = result.Paths.Select(p => p.Outputs), more_paths_exist = result.MorePathsExist, result.OutputsVisited, result.VisitLimitHit };
        });
        api.MapPost("/trace", async (TraceService traces, TraceParameters body, HttpContext http) =>
            body.IsEthereum ? Results.Ok(await traces.RunEthereumAsync(body, http.RequestAborted)) : Results.Ok(TraceReport.From(await traces.RunAsync(body, http.RequestAborted)))).WithTags("trace");

        var eth = api.MapGroup("/eth").WithTags("chain");
        eth.MapGet("/status", (ChainIndexes chains) =>
        {
            if (!chains.HasEthereum) return Results.Ok(new { indexed = false });
            var index = chains.Ethereum();
            return Results.Ok(new { indexed = true, first_block = index.Head.StartBlock, last_block = index.Head.LastBlock, transfers = index.TransferCount, addresses = index.AddressCount });
        });
        eth.MapGet("/address/{address}", (ChainIndexes chains, string address, int? limit) =>
            EthAddressView.Find(chains.Ethereum(), address, Page<object>.Bounds(0, limit).Limit));
        eth.MapGet("/tx/{hash}", (ChainIndexes chains, string hash) => EthTransactionView.Find(chains.Ethereum(), hash));

        api.MapPost("/screen", async (ScreeningService screening, ScreenBody body, HttpContext http) =>
        {
            var addresses = body.Addresses ?? [];
            if (addresses.Count == 0) throw new Core.CairnException("field 'addresses' needs at least one address");
            if (addresses.Count > MaxScreenBatch) throw new Core.CairnException($"at most {MaxScreenBatch} addresses per request, got {addresses.Count}");
            var screener = await screening.GetAsync(http.RequestAborted);
            return addresses.Select(a => screener.Screen(a, body.Chain)).ToList();
        }).WithTags("screening");
        api.MapGet("/screen/{address}", async (ScreeningService screening, string address, string? chain, HttpContext http) =>
            (await screening.GetAsync(http.RequestAborted)).Screen(address, chain)).WithTags("screening");
        api.MapGet("/intel/stats", async (IntelService intel, HttpContext http) => await intel.Store.GetStatsAsync(http.RequestAborted)).WithTags("intel");
        api.MapGet("/intel/actors/{id}", async (IntelService intel, string id, HttpContext http) => await intel.GetActorAsync(id, http.RequestAborted)).WithTags("intel");
    }
}
