using Cairn.Chains;
using Cairn.Core.Paging;
using Cairn.Server.Auth;
using Cairn.Workspace.Chain;
using Cairn.Workspace.Tracing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Server.Api;

/// <summary>
/// Every chain of the registry under one route, <c>/api/v1/chains/{chain}/…</c>: the chain list with
/// what each supports, an index's status, transaction and address lookup (UTXO or account answers
/// by family), clusters and paths (UTXO chains), traces, and the ingest job an admin starts from
/// block files on the server. The older <c>/api/v1/btc</c> and <c>/api/v1/eth</c> routes
/// (<see cref="ChainApi"/>) answer the same for btc and eth.
/// </summary>
public static class ChainsApi
{
    public static IEndpointRouteBuilder MapChainsApi(this IEndpointRouteBuilder app)
    {
        var chains = app.MapGroup("/api/v1/chains").WithTags("Chains").WithProblems();
        chains.MapGet("/", ListChains).WithName("ListChains").WithSummary("Every chain Cairn knows: family, units, parameters, tokens, what it supports, whether it is indexed");
        chains.MapGet("/{chain}", GetChain).WithName("GetChain").WithSummary("One chain of the registry");
        chains.MapGet("/{chain}/status", GetChainStatus).WithName("GetChainStatus").WithSummary("Whether the chain is indexed, and its tip and sizes");
        chains.MapGet("/{chain}/tx/{id}", GetChainTransaction).WithName("GetChainTransaction").WithSummary("A transaction from the chain's index (UTXO: inputs and outputs; account: transfers)");
        chains.MapGet("/{chain}/address/{address}", GetChainAddress).WithName("GetChainAddress").WithSummary("An address's totals and latest outputs (UTXO) or transfers (account)");
        chains.MapGet("/{chain}/cluster/{address}", GetChainClusterAsync).WithName("GetChainCluster").WithSummary("The multi-input cluster of an address on a UTXO chain");
        chains.MapPost("/{chain}/path", FindChainPaths).WithName("FindChainPaths").WithSummary("Shortest value-carrying paths between two addresses of a UTXO chain");
        chains.MapPost("/{chain}/trace", TraceChainAsync).WithName("TraceChain").WithSummary("Follow funds on the chain, without saving (the body's chain is the route's)");
        chains.MapPost("/{chain}/ingest", StartChainIngest).RequireAuthorization(Policies.Admin)
            .WithName("StartChainIngest").WithSummary("Start a UTXO chain's ingest from a blocks directory on the server, as a background job");
        return app;
    }

    public static Ok<IReadOnlyList<ChainView>> ListChains(ChainService chains) => TypedResults.Ok(chains.List());

    public static Ok<ChainView> GetChain(ChainService chains, string chain) => TypedResults.Ok(chains.Describe(chain));

    public static Results<Ok<BitcoinStatus>, Ok<EthereumStatus>> GetChainStatus(ChainService chains, string chain) =>
        IsUtxo(chain) ? TypedResults.Ok(chains.UtxoStatus(chain)) : TypedResults.Ok(chains.AccountStatus(chain));

    public static Results<Ok<TransactionView>, Ok<EthTransactionView>> GetChainTransaction(ChainService chains, string chain, string id) =>
        IsUtxo(chain) ? TypedResults.Ok(chains.UtxoTransaction(chain, id)) : TypedResults.Ok(chains.AccountTransaction(chain, id));

    public static Results<Ok<AddressView>, Ok<EthAddressView>> GetChainAddress(ChainService chains, string chain, string address, long? offset, int? limit) =>
        IsUtxo(chain)
            ? TypedResults.Ok(chains.UtxoAddress(chain, address, PageRequest.Of(offset, limit)))
            : TypedResults.Ok(chains.AccountAddress(chain, address, PageRequest.Of(0, limit).Limit));

    public static async Task<Ok<ClusterView>> GetChainClusterAsync(TraceService traces, string chain, string address, long? offset, int? limit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await traces.ClusterAsync(address, PageRequest.Of(offset, limit), cancellationToken: cancellationToken, chain: chain));

    public static Ok<PathView> FindChainPaths(TraceService traces, string chain, PathRequest body) => TypedResults.Ok(traces.FindPaths(body with { Chain = chain }));

    public static async Task<Results<Ok<TraceReport>, Ok<EthTraceReport>>> TraceChainAsync(TraceService traces, string chain, TraceParameters body, CancellationToken cancellationToken) =>
        await TracesApi.TraceAsync(traces, (body with { Chain = chain }).Normalized(), cancellationToken);

    public static Accepted<JobView> StartChainIngest(HttpContext http, ChainService chains, string chain, IngestJobRequest body)
    {
        var job = chains.StartUtxoIngestJob(chain, http.User.Actor(), body);
        return TypedResults.Accepted($"/api/v1/jobs/{job.Id}", job);
    }

    /// <summary>The chain's family (an unknown id is a validation problem on <c>chain</c>).</summary>
    private static bool IsUtxo(string chain) => ChainRegistry.Get(chain).Family == ChainFamily.Utxo;
}
