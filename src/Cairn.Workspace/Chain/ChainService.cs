using Cairn.Cases.Agencies;
using Cairn.Chains;
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
/// The chain indexes of the data directory, for any chain of the registry (<see cref="ChainRegistry"/>):
/// which chains there are and what each supports, an index's status, transactions and addresses as
/// people read them, raw blocks and addresses decoded without an index, and ingest: one entry point per
/// family (UTXO chains from block files or a node, in the foreground or as a server job; account chains
/// from a node), each telling the <see cref="IChainIngestListener"/>s what it added. The Bitcoin- and
/// Ethereum-named methods are the btc and eth instances, kept for the callers that name them.
/// </summary>
public sealed class ChainService
{
    // Development chains (Ganache, Hardhat, Anvil) answer these ids whatever chain they imitate.
    private static readonly long[] DevelopmentChainIds = [1337, 31337];

    private readonly ChainIndexes _chains;
    private readonly JobRegistry _jobs;
    private readonly IHttpClientFactory _http;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<IChainIngestListener> _listeners;

    public ChainService(ChainIndexes chains, JobRegistry jobs, IHttpClientFactory http, TimeProvider time, IEnumerable<IChainIngestListener> listeners)
    {
        _chains = chains;
        _jobs = jobs;
        _http = http;
        _time = time;
        _listeners = listeners.ToList();
    }

    /// <summary>Every chain of the registry with its parameters, support and whether this data directory has its index.</summary>
    public IReadOnlyList<ChainView> List() => ChainRegistry.All.Select(c => ChainView.Of(c, _chains.Has(c))).ToList();

    /// <summary>One chain of the registry (a validation error on <c>chain</c> for an unknown id).</summary>
    public ChainView Describe(string chain)
    {
        var definition = ChainRegistry.Get(chain);
        return ChainView.Of(definition, _chains.Has(definition));
    }

    public string IndexDirectory(string chain) => _chains.DirectoryOf(ChainRegistry.Get(chain));

    public string BitcoinIndexDirectory => _chains.Directory;

    public string EthereumIndexDirectory => IndexDirectory("eth");

    public BitcoinStatus UtxoStatus(string chain)
    {
        var definition = Require(chain, ChainFamily.Utxo);
        if (!_chains.Has(definition)) return new BitcoinStatus(false, null, null, null, null, null, null, null);
        var index = _chains.Utxo(definition);
        return new BitcoinStatus(true, index.Network.ToString().ToLowerInvariant(), index.TipHeight, index.TipHash.ToString(),
            index.TransactionCount, index.OutputCount, index.InputCount, index.AddressCount);
    }

    public BitcoinIndexStats UtxoStats(string chain)
    {
        var index = _chains.Utxo(Require(chain, ChainFamily.Utxo));
        var bytes = index.SizeInBytes();
        var rows = index.InputCount + index.OutputCount;
        return new BitcoinIndexStats(index.Network.Name, index.TipHeight, index.TipHash?.ToString(), index.TransactionCount, index.InputCount, index.OutputCount,
            index.AddressCount, bytes, rows == 0 ? 0 : Math.Round((double)bytes / rows, 2));
    }

    public TransactionView UtxoTransaction(string chain, string txid) =>
        TransactionView.Find(_chains.Utxo(Require(chain, ChainFamily.Utxo)), ValidationException.Required(txid, "txid"));

    /// <summary>An address's totals and one page of its outputs, newest first.</summary>
    public AddressView UtxoAddress(string chain, string address, PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return AddressView.Find(_chains.Utxo(Require(chain, ChainFamily.Utxo)), ValidationException.Required(address, "address"), page.Offset, page.Limit);
    }

    /// <summary>
    /// Writes a chain's index (transactions, inputs, outputs, addresses, multi-input clusters) to Parquet
    /// files in <paramref name="directory"/> for Spark, DuckDB, ClickHouse or Trino (schema: docs/parquet.md).
    /// All five files appear together or none does. Account chains are refused for now: their transfer
    /// index has no Parquet layout yet.
    /// </summary>
    public async Task<ParquetExportSummary> ExportParquetAsync(string chain, string directory, CancellationToken cancellationToken = default)
    {
        var definition = ChainRegistry.Get(chain);
        if (definition.Family != ChainFamily.Utxo)
            throw CairnException.Invalid("chain", $"{definition.Name} ({definition.Id}): Parquet export of account-chain indexes is not supported yet; only the UTXO chains (btc, ltc, bch, doge) can be exported");
        var target = ValidationException.Required(directory, "out");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var index = _chains.Utxo(definition);
        var clusters = _chains.Clusters(definition);
        var files = await new UtxoParquetExporter(index, clusters).ExportAsync(target, cancellationToken).ConfigureAwait(false);
        return new ParquetExportSummary(definition.Id, Path.GetDirectoryName(files[0])!, files, index.TransactionCount, index.InputCount, index.OutputCount,
            index.AddressCount, clusters.ClusterCount, Math.Round(watch.Elapsed.TotalSeconds, 2));
    }

    public EthereumStatus AccountStatus(string chain)
    {
        var definition = Require(chain, ChainFamily.Account);
        if (!_chains.Has(definition)) return new EthereumStatus(false, null, null, null, null);
        var index = _chains.Account(definition);
        return new EthereumStatus(true, index.Head.StartBlock, index.Head.LastBlock, index.TransferCount, index.AddressCount);
    }

    public EthTransactionView AccountTransaction(string chain, string hash) =>
        EthTransactionView.Find(_chains.Account(Require(chain, ChainFamily.Account)), ValidationException.Required(hash, "hash"));

    /// <summary>An account's net flow per asset and its latest <paramref name="limit"/> transfers each way.</summary>
    public EthAddressView AccountAddress(string chain, string address, int limit) =>
        EthAddressView.Find(_chains.Account(Require(chain, ChainFamily.Account)), ValidationException.Required(address, "address"), limit);

    public BitcoinStatus BitcoinStatus() => UtxoStatus("btc");

    public BitcoinIndexStats BitcoinStats() => UtxoStats("btc");

    public TransactionView BitcoinTransaction(string txid) => UtxoTransaction("btc", txid);

    public AddressView BitcoinAddress(string address, PageRequest page) => UtxoAddress("btc", address, page);

    public EthereumStatus EthereumStatus() => AccountStatus("eth");

    public EthTransactionView EthereumTransaction(string hash) => AccountTransaction("eth", hash);

    public EthAddressView EthereumAddress(string address, int limit) => AccountAddress("eth", address, limit);

    /// <summary>A raw block file (binary or hex) of a UTXO chain decoded with addresses of <paramref name="network"/> (the chain's mainnet when null).</summary>
    public static BlockView ReadBlockFile(string path, string? network, string chain = "btc") => BlockView.ReadFile(path, ParseNetwork(network, Require(chain, ChainFamily.Utxo)));

    /// <summary>Decodes an address of a UTXO chain; with <paramref name="network"/>, refuses an address of another network.</summary>
    public static AddressDecoding DecodeAddress(string address, string? network, string chain = "btc")
    {
        var definition = Require(chain, ChainFamily.Utxo);
        // Bitcoin without a network decodes on any Bitcoin network (and says which); another chain on its own networks.
        var expected = network is null ? (definition.Id == "btc" ? null : definition.Network) : ParseNetwork(network, definition);
        return AddressDecoding.Of(address, expected);
    }

    /// <summary>Builds or updates a UTXO chain's index from block files or a node, in the foreground (the CLI): the family's one ingest entry point.</summary>
    public async Task<BitcoinIngestSummary> IngestUtxoAsync(string chain, BitcoinIngestRequest request, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var definition = Require(chain, ChainFamily.Utxo);
        if ((request.Blocks is null) == (request.Rpc is null)) throw new ValidationException("blocks", "give exactly one of a blocks directory or a node's RPC URL");
        var network = ParseNetwork(request.Network, definition);
        IngestReport report;
        long transactions;
        using (var writer = BitcoinIndexWriter.Open(_chains.DirectoryOf(definition), network))
        {
            if (request.Blocks is { } blocks)
            {
                if (!Directory.Exists(blocks)) throw new ValidationException("blocks", $"blocks directory '{blocks}' does not exist");
                var commitBytes = Math.Max(1, request.CommitEveryMb ?? 64) * (1L << 20);
                report = new BitcoinIngest(writer) { Progress = progress, CommitEveryBytes = commitBytes }.FromBlockFiles(blocks, cancellationToken);
            }
            else
            {
                var credentials = request.RpcCookie is { } cookie ? RpcCredentials.FromCookieFile(cookie)
                    : request.RpcUser is { } user ? RpcCredentials.FromUserPassword(user, request.RpcPassword ?? "")
                    : null;
                if (!Uri.TryCreate(request.Rpc, UriKind.Absolute, out var endpoint)) throw new ValidationException("rpc", "malformed RPC URL: expected an absolute http(s) URL such as http://127.0.0.1:8332 (not echoed: it may hold credentials)");
                var client = new BitcoinCoreRpcClient(_http.CreateClient(WorkspaceServiceCollectionExtensions.NodeHttpClient), endpoint, credentials);
                report = await new BitcoinIngest(writer).FromRpcAsync(client, cancellationToken).ConfigureAwait(false);
            }
            transactions = writer.Index.TransactionCount;
        }
        await NotifyUtxoAsync(definition, report, transactions, cancellationToken).ConfigureAwait(false);
        return BitcoinIngestSummary.Of(report);
    }

    /// <summary>Starts a UTXO chain's ingest from a blocks directory on the server as a background job (one ingest at a time).</summary>
    public JobView StartUtxoIngestJob(string chain, Actor actor, IngestJobRequest request)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var definition = Require(chain, ChainFamily.Utxo);
        var blocks = ValidationException.Required(request.Blocks, "blocks");
        if (!Directory.Exists(blocks)) throw new ValidationException("blocks", $"blocks: no directory '{blocks}' on the server");
        var network = ParseNetwork(request.Network, definition);
        var job = _jobs.Start($"{definition.Id}-ingest", actor.User, async (job, cancellationToken) =>
        {
            IngestReport report;
            long transactions;
            using (var writer = BitcoinIndexWriter.Open(_chains.DirectoryOf(definition), network))
            {
                report = new BitcoinIngest(writer) { Progress = new JobProgress(job) }.FromBlockFiles(blocks, cancellationToken);
                transactions = writer.Index.TransactionCount;
            }
            await NotifyUtxoAsync(definition, report, transactions, cancellationToken).ConfigureAwait(false);
            return FormattableString.Invariant($"{report.BlocksAdded} blocks added ({report.TransactionsAdded:N0} transactions), {report.BlocksRolledBack} rolled back, in {report.Elapsed.TotalSeconds:F1} s");
        });
        return job.Snapshot();
    }

    public Task<BitcoinIngestSummary> IngestBitcoinAsync(BitcoinIngestRequest request, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default) =>
        IngestUtxoAsync("btc", request, progress, cancellationToken);

    public JobView StartBitcoinIngestJob(Actor actor, IngestJobRequest request) => StartUtxoIngestJob("btc", actor, request);

    public Page<JobView> Jobs(PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Slice(_jobs.All().Select(j => j.Snapshot()).ToList());
    }

    public JobView Job(string id) => _jobs.Get(id).Snapshot();

    /// <summary>
    /// Ingests blocks, receipts, token and internal transfers of an account chain from its node over
    /// JSON-RPC: the family's one ingest entry point. The node must answer the chain's EIP-155 id (a
    /// development node's 1337 or 31337 is accepted: it cannot say which chain it imitates).
    /// </summary>
    public async Task<EthIngestReport> IngestAccountAsync(string chain, EthereumIngestRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var definition = Require(chain, ChainFamily.Account);
        if (!definition.Support.Rpc) throw CairnException.Invalid("chain", $"{definition.Name}: {definition.Limitation}");
        var url = ValidationException.Required(request.Rpc, "rpc");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            throw new ValidationException("rpc", $"malformed rpc {Core.Net.UrlRedaction.ForDisplay(url)}: expected an http(s) URL such as http://127.0.0.1:8545");
        var client = new EthJsonRpcClient(_http.CreateClient(WorkspaceServiceCollectionExtensions.NodeHttpClient), endpoint, new EthRpcOptions(), _time);
        if (definition.EvmChainId is { } expected && definition.Id != "eth")
        {
            var actual = await client.ChainIdAsync(cancellationToken).ConfigureAwait(false);
            if (actual != expected && !DevelopmentChainIds.Contains(actual))
                throw new ValidationException("rpc", $"the node at {client.DisplayEndpoint} answers chain id {actual}, not {expected} ({definition.Name})");
        }
        var ingestor = new EthIngestor(new EthBlockFetcher(client), new TokenMetadataReader(client));
        EthIngestReport report;
        using (var writer = EthereumIndexWriter.Open(_chains.DirectoryOf(definition)))
        {
            var options = new EthIngestOptions { From = request.From, To = request.To, BlocksPerCommit = request.BatchBlocks, ReorgDepth = request.ReorgDepth };
            report = await ingestor.RunAsync(writer, options, null, cancellationToken).ConfigureAwait(false);
        }
        var rows = report.NativeTransfers + report.InternalTransfers + report.TokenTransfers;
        if (rows > 0 || report.RolledBackBlocks > 0)
            await NotifyAsync(new ChainIngested(definition.Id, ChainFamily.Account, report.Head.Transfers - rows, rows, report.FirstBlock, report.LastBlock, report.RolledBackBlocks), cancellationToken).ConfigureAwait(false);
        return report;
    }

    public Task<EthIngestReport> IngestEthereumAsync(EthereumIngestRequest request, CancellationToken cancellationToken = default) =>
        IngestAccountAsync("eth", request, cancellationToken);

    /// <summary>The chain with id <paramref name="chain"/>, which must be of <paramref name="family"/>; validation errors on <c>chain</c> otherwise.</summary>
    public static ChainDefinition Require(string chain, ChainFamily family)
    {
        var definition = ChainRegistry.Get(chain);
        if (definition.Family == family) return definition;
        throw CairnException.Invalid("chain", family == ChainFamily.Utxo
            ? $"{definition.Name} ({definition.Id}) is an account chain: it has no blocks, outputs or UTXO index"
            : $"{definition.Name} ({definition.Id}) is a UTXO chain: use its transactions and outputs");
    }

    /// <summary>New rows are appended after any rollback, so they are the last <c>TransactionsAdded</c> of the index.</summary>
    private Task NotifyUtxoAsync(ChainDefinition chain, IngestReport report, long transactions, CancellationToken cancellationToken) =>
        report.TransactionsAdded > 0 || report.BlocksRolledBack > 0
            ? NotifyAsync(new ChainIngested(chain.Id, ChainFamily.Utxo, transactions - report.TransactionsAdded, report.TransactionsAdded,
                report.BlocksAdded > 0 ? report.Height - report.BlocksAdded + 1 : null, report.BlocksAdded > 0 ? report.Height : null, report.BlocksRolledBack), cancellationToken)
            : Task.CompletedTask;

    private async Task NotifyAsync(ChainIngested ingested, CancellationToken cancellationToken)
    {
        foreach (var listener in _listeners) await listener.OnIngestedAsync(ingested, cancellationToken).ConfigureAwait(false);
    }

    private static Network ParseNetwork(string? name, ChainDefinition chain)
    {
        try
        {
            return Network.Parse(name ?? "main", chain.Id);
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
