using Cairn.Cases.Agencies;
using Cairn.Chains.Bitcoin;
using Cairn.Chains.Ethereum.Ingest;
using Cairn.Chains.Ethereum.Rpc;
using Cairn.Chains.Ethereum.Tokens;
using Cairn.Core;
using Cairn.Core.Paging;
using Cairn.Index.Bitcoin;
using Cairn.Index.Ethereum;

namespace Cairn.Workspace.Chain;

/// <summary>
/// The chain indexes of the data directory: their status, transactions and addresses as people read
/// them, raw blocks and addresses decoded without an index, and ingest (Bitcoin from block files or a
/// node, in the foreground or as a server job; Ethereum from a node). Per chain today (btc, eth); the
/// chain id becomes a parameter when chains are described in a registry.
/// </summary>
public sealed class ChainService
{
    private readonly ChainIndexes _chains;
    private readonly JobRegistry _jobs;
    private readonly IHttpClientFactory _http;
    private readonly TimeProvider _time;
    private readonly WorkspaceOptions _options;

    public ChainService(ChainIndexes chains, JobRegistry jobs, IHttpClientFactory http, TimeProvider time, WorkspaceOptions options)
    {
        _chains = chains;
        _jobs = jobs;
        _http = http;
        _time = time;
        _options = options;
    }

    public string BitcoinIndexDirectory => _chains.Directory;

    public string EthereumIndexDirectory => Path.Combine(_options.DataDirectory, "eth-index");

    public BitcoinStatus BitcoinStatus()
    {
        if (!_chains.HasBitcoin) return new BitcoinStatus(false, null, null, null, null, null, null, null);
        var index = _chains.Bitcoin();
        return new BitcoinStatus(true, index.Network.ToString().ToLowerInvariant(), index.TipHeight, index.TipHash.ToString(),
            index.TransactionCount, index.OutputCount, index.InputCount, index.AddressCount);
    }

    public BitcoinIndexStats BitcoinStats()
    {
        var index = _chains.Bitcoin();
        var bytes = index.SizeInBytes();
        var rows = index.InputCount + index.OutputCount;
        return new BitcoinIndexStats(index.Network.Name, index.TipHeight, index.TipHash?.ToString(), index.TransactionCount, index.InputCount, index.OutputCount,
            index.AddressCount, bytes, rows == 0 ? 0 : Math.Round((double)bytes / rows, 2));
    }

    public TransactionView BitcoinTransaction(string txid) => TransactionView.Find(_chains.Bitcoin(), ValidationException.Required(txid, "txid"));

    /// <summary>An address's totals and one page of its outputs, newest first.</summary>
    public AddressView BitcoinAddress(string address, PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return AddressView.Find(_chains.Bitcoin(), ValidationException.Required(address, "address"), page.Offset, page.Limit);
    }

    public EthereumStatus EthereumStatus()
    {
        if (!_chains.HasEthereum) return new EthereumStatus(false, null, null, null, null);
        var index = _chains.Ethereum();
        return new EthereumStatus(true, index.Head.StartBlock, index.Head.LastBlock, index.TransferCount, index.AddressCount);
    }

    public EthTransactionView EthereumTransaction(string hash) => EthTransactionView.Find(_chains.Ethereum(), ValidationException.Required(hash, "hash"));

    /// <summary>An Ethereum address's net flow per asset and its latest <paramref name="limit"/> transfers each way.</summary>
    public EthAddressView EthereumAddress(string address, int limit) => EthAddressView.Find(_chains.Ethereum(), ValidationException.Required(address, "address"), limit);

    /// <summary>A raw block file (binary or hex) decoded with addresses of <paramref name="network"/> (main when null).</summary>
    public static BlockView ReadBlockFile(string path, string? network) => BlockView.ReadFile(path, ParseNetwork(network));

    /// <summary>Decodes a Bitcoin address; with <paramref name="network"/>, refuses an address of another network.</summary>
    public static AddressDecoding DecodeAddress(string address, string? network) => AddressDecoding.Of(address, network is null ? null : ParseNetwork(network));

    /// <summary>Builds or updates the Bitcoin index from block files or a node, in the foreground (the CLI).</summary>
    public async Task<BitcoinIngestSummary> IngestBitcoinAsync(BitcoinIngestRequest request, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((request.Blocks is null) == (request.Rpc is null)) throw new ValidationException("blocks", "give exactly one of a blocks directory or a node's RPC URL");
        var network = ParseNetwork(request.Network);
        using var writer = BitcoinIndexWriter.Open(_chains.Directory, network);
        if (request.Blocks is { } blocks)
        {
            if (!Directory.Exists(blocks)) throw new ValidationException("blocks", $"blocks directory '{blocks}' does not exist");
            var commitBytes = Math.Max(1, request.CommitEveryMb ?? 64) * (1L << 20);
            return BitcoinIngestSummary.Of(new BitcoinIngest(writer) { Progress = progress, CommitEveryBytes = commitBytes }.FromBlockFiles(blocks, cancellationToken));
        }
        var credentials = request.RpcCookie is { } cookie ? RpcCredentials.FromCookieFile(cookie)
            : request.RpcUser is { } user ? RpcCredentials.FromUserPassword(user, request.RpcPassword ?? "")
            : null;
        if (!Uri.TryCreate(request.Rpc, UriKind.Absolute, out var endpoint)) throw new ValidationException("rpc", "malformed RPC URL: expected an absolute http(s) URL such as http://127.0.0.1:8332 (not echoed: it may hold credentials)");
        var client = new BitcoinCoreRpcClient(_http.CreateClient(WorkspaceServiceCollectionExtensions.NodeHttpClient), endpoint, credentials);
        return BitcoinIngestSummary.Of(await new BitcoinIngest(writer).FromRpcAsync(client, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Starts a Bitcoin ingest from a blocks directory on the server as a background job (one ingest at a time).</summary>
    public JobView StartBitcoinIngestJob(Actor actor, IngestJobRequest request)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var blocks = ValidationException.Required(request.Blocks, "blocks");
        if (!Directory.Exists(blocks)) throw new ValidationException("blocks", $"blocks: no directory '{blocks}' on the server");
        var network = ParseNetwork(request.Network);
        var job = _jobs.Start("btc-ingest", actor.User, (job, cancellationToken) =>
        {
            using var writer = BitcoinIndexWriter.Open(_chains.Directory, network);
            var report = new BitcoinIngest(writer) { Progress = new JobProgress(job) }.FromBlockFiles(blocks, cancellationToken);
            return Task.FromResult(FormattableString.Invariant($"{report.BlocksAdded} blocks added ({report.TransactionsAdded:N0} transactions), {report.BlocksRolledBack} rolled back, in {report.Elapsed.TotalSeconds:F1} s"));
        });
        return job.Snapshot();
    }

    public Page<JobView> Jobs(PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Slice(_jobs.All().Select(j => j.Snapshot()).ToList());
    }

    public JobView Job(string id) => _jobs.Get(id).Snapshot();

    /// <summary>Ingests blocks, receipts, token and internal transfers from an Ethereum node over JSON-RPC.</summary>
    public async Task<EthIngestReport> IngestEthereumAsync(EthereumIngestRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var url = ValidationException.Required(request.Rpc, "rpc");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            throw new ValidationException("rpc", $"malformed rpc {Core.Net.UrlRedaction.ForDisplay(url)}: expected an http(s) URL such as http://127.0.0.1:8545");
        var client = new EthJsonRpcClient(_http.CreateClient(WorkspaceServiceCollectionExtensions.NodeHttpClient), endpoint, new EthRpcOptions(), _time);
        var ingestor = new EthIngestor(new EthBlockFetcher(client), new TokenMetadataReader(client));
        using var writer = EthereumIndexWriter.Open(EthereumIndexDirectory);
        var options = new EthIngestOptions { From = request.From, To = request.To, BlocksPerCommit = request.BatchBlocks, ReorgDepth = request.ReorgDepth };
        return await ingestor.RunAsync(writer, options, null, cancellationToken).ConfigureAwait(false);
    }

    private static Network ParseNetwork(string? name)
    {
        try
        {
            return Network.Parse(name ?? "main");
        }
        catch (CairnException ex) when (ex.Field is null)
        {
            throw new ValidationException("network", ex.Message, ex);
        }
    }

    /// <summary>Reports straight into the job, on the ingest's own thread.</summary>
    private sealed class JobProgress(Job job) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => job.Report(value.Height + 1, value.TargetHeight + 1,
            FormattableString.Invariant($"{value.Transactions:N0} transactions, {value.Bytes / 1e6:F0} MB"));
    }
}
