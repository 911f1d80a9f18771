using Cairn.Core.Paging;
using Cairn.Server.Auth;
using Cairn.Workspace.Chain;
using Cairn.Workspace.Tracing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Server.Api;

/// <summary>
/// Chain lookups (no case data, so no custody entries): index status, transaction and address
/// lookup, clusters, path search, the Bitcoin ingest job an admin starts from block files on the
/// server, and the jobs' progress (what the UI's progress bar polls).
/// </summary>
public static class ChainApi
{
    public static IEndpointRouteBuilder MapChainApi(this IEndpointRouteBuilder app)
    {
        var btc = app.MapGroup("/api/v1/btc").WithTags("Bitcoin").WithProblems();
        btc.MapGet("/status", GetBitcoinStatus).WithName("GetBitcoinStatus").WithSummary("Whether a Bitcoin index exists, its network, tip and sizes");
        btc.MapGet("/tx/{txid}", GetBitcoinTransaction).WithName("GetBitcoinTransaction").WithSummary("A transaction from the index: inputs, outputs, fee, spends");
        btc.MapGet("/address/{address}", GetBitcoinAddress).WithName("GetBitcoinAddress").WithSummary("An address's totals and one page of its outputs, newest first");
        btc.MapGet("/cluster/{address}", GetClusterAsync).WithName("GetCluster").WithSummary("The multi-input cluster of an address: id, size, attribution, one page of addresses");
        btc.MapPost("/path", FindPaths).WithName("FindPaths").WithSummary("Shortest value-carrying paths between two addresses (or to a cluster)");
        btc.MapPost("/ingest", StartIngest).RequireAuthorization(Policies.Admin)
            .WithName("StartBitcoinIngest").WithSummary("Start a Bitcoin ingest from a blocks directory on the server, as a background job");
        var eth = app.MapGroup("/api/v1/eth").WithTags("Ethereum").WithProblems();
        eth.MapGet("/status", GetEthereumStatus).WithName("GetEthereumStatus").WithSummary("Whether an Ethereum index exists, its blocks and sizes");
        eth.MapGet("/address/{address}", GetEthereumAddress).WithName("GetEthereumAddress").WithSummary("An Ethereum address's net flow per asset and its latest transfers each way");
        eth.MapGet("/tx/{hash}", GetEthereumTransaction).WithName("GetEthereumTransaction").WithSummary("An Ethereum transaction and the transfers it made");
        var jobs = app.MapGroup("/api/v1/jobs").WithTags("Jobs").WithProblems();
        jobs.MapGet("/", ListJobs).WithName("ListJobs").WithSummary("Background jobs of this server, newest first");
        jobs.MapGet("/{id}", GetJob).WithName("GetJob").WithSummary("A background job's state and progress");
        return app;
    }

    public static Ok<BitcoinStatus> GetBitcoinStatus(ChainService chains) => TypedResults.Ok(chains.BitcoinStatus());

    public static Ok<TransactionView> GetBitcoinTransaction(ChainService chains, string txid) => TypedResults.Ok(chains.BitcoinTransaction(txid));

    public static Ok<AddressView> GetBitcoinAddress(ChainService chains, string address, long? offset, int? limit) =>
        TypedResults.Ok(chains.BitcoinAddress(address, PageRequest.Of(offset, limit)));

    public static async Task<Ok<ClusterView>> GetClusterAsync(TraceService traces, string address, long? offset, int? limit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await traces.ClusterAsync(address, PageRequest.Of(offset, limit), cancellationToken: cancellationToken));

    public static Ok<PathView> FindPaths(TraceService traces, PathRequest body) => TypedResults.Ok(traces.FindPaths(body));

    public static Accepted<JobView> StartIngest(HttpContext http, ChainService chains, IngestJobRequest body)
    {
        var job = chains.StartBitcoinIngestJob(http.User.Actor(), body);
        return TypedResults.Accepted($"/api/v1/jobs/{job.Id}", job);
    }

    public static Ok<EthereumStatus> GetEthereumStatus(ChainService chains) => TypedResults.Ok(chains.EthereumStatus());

    public static Ok<EthAddressView> GetEthereumAddress(ChainService chains, string address, int? limit) =>
        TypedResults.Ok(chains.EthereumAddress(address, PageRequest.Of(0, limit).Limit));

    public static Ok<EthTransactionView> GetEthereumTransaction(ChainService chains, string hash) => TypedResults.Ok(chains.EthereumTransaction(hash));

    public static Ok<Page<JobView>> ListJobs(ChainService chains, long? offset, int? limit) => TypedResults.Ok(chains.Jobs(PageRequest.Of(offset, limit)));

    public static Ok<JobView> GetJob(ChainService chains, string id) => TypedResults.Ok(chains.Job(id));
}
