using Cairn.Chains;
using Cairn.Core;
using Cairn.Index.Bitcoin;
using Cairn.Index.Ethereum;
using Cairn.Tracing.Clustering;

namespace Cairn.Workspace.Chain;

/// <summary>
/// The read-only chain indexes of a data directory, one per chain under <c>&lt;data&gt;/&lt;chain id&gt;-index</c>
/// (<c>btc-index</c>, <c>ltc-index</c>, <c>eth-index</c>, <c>bsc-index</c>…; docs/chain-index.md), shared by
/// every request of a server. Each is opened on first use and reopened when its manifest changes (an
/// ingest committed), so a long-running server sees new blocks without a restart. A replaced index is
/// not disposed: requests still reading it finish on their own mapped copy, and the mapping is released
/// with it.
/// </summary>
public sealed class ChainIndexes : IDisposable
{
    private readonly string _dataDirectory;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (BitcoinIndex Index, AddressClusters? Clusters, DateTime Stamp)> _utxo = [];
    private readonly Dictionary<string, (EthereumIndex Index, DateTime Stamp)> _account = [];

    public ChainIndexes(string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        _dataDirectory = dataDirectory;
    }

    /// <summary>The index directory of <paramref name="chain"/> in this data directory.</summary>
    public string DirectoryOf(ChainDefinition chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        return Path.Combine(_dataDirectory, chain.IndexDirectory);
    }

    /// <summary>Whether the data directory holds an index of <paramref name="chain"/>.</summary>
    public bool Has(ChainDefinition chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var directory = DirectoryOf(chain);
        return chain.Family == ChainFamily.Utxo
            ? File.Exists(Path.Combine(directory, IndexManifest.FileName))
            : File.Exists(Path.Combine(directory, EthIndexHead.FileName));
    }

    /// <summary>The current index of a UTXO chain, or a <see cref="NotFoundException"/> telling how to build one.</summary>
    public BitcoinIndex Utxo(ChainDefinition chain) => CurrentUtxo(chain).Index;

    /// <summary>Multi-input clusters of a UTXO chain's current index (built on first use, then read from <c>addr_cluster</c>).</summary>
    public AddressClusters Clusters(ChainDefinition chain)
    {
        lock (_lock)
        {
            var (index, clusters, stamp) = CurrentUtxo(chain);
            if (clusters is not null) return clusters;
            clusters = AddressClusters.OpenOrBuild(index);
            _utxo[chain.Id] = (index, clusters, stamp);
            return clusters;
        }
    }

    /// <summary>Deletes the stored clusters of a UTXO chain's index and builds them again (after a change of clustering rules).</summary>
    public AddressClusters RebuildClusters(ChainDefinition chain)
    {
        lock (_lock)
        {
            var (index, _, stamp) = CurrentUtxo(chain);
            File.Delete(Path.Combine(index.Directory, AddressClusters.FileName));
            var clusters = AddressClusters.OpenOrBuild(index);
            _utxo[chain.Id] = (index, clusters, stamp);
            return clusters;
        }
    }

    /// <summary>The current index of an account chain, reopened when an ingest moved its head; a <see cref="NotFoundException"/> when there is none.</summary>
    public EthereumIndex Account(ChainDefinition chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        lock (_lock)
        {
            var directory = DirectoryOf(chain);
            var head = Path.Combine(directory, EthIndexHead.FileName);
            if (!File.Exists(head)) throw new NotFoundException($"no {chain.Name} index in {directory}: run 'cairn {chain.Id} ingest' with the node's RPC URL first");
            var stamp = File.GetLastWriteTimeUtc(head);
            if (_account.TryGetValue(chain.Id, out var current) && current.Stamp == stamp) return current.Index;
            var opened = EthereumIndex.Open(directory, chain.Symbol, chain.Name, chain.Id);
            _account[chain.Id] = (opened, stamp);
            return opened;
        }
    }

    // Bitcoin and Ethereum, by the names the application used before chains were a parameter.

    public string Directory => DirectoryOf(ChainRegistry.Bitcoin);

    public bool HasBitcoin => Has(ChainRegistry.Bitcoin);

    public bool HasEthereum => Has(ChainRegistry.Ethereum);

    public BitcoinIndex Bitcoin() => Utxo(ChainRegistry.Bitcoin);

    public EthereumIndex Ethereum() => Account(ChainRegistry.Ethereum);

    public AddressClusters Clusters() => Clusters(ChainRegistry.Bitcoin);

    public AddressClusters RebuildClusters() => RebuildClusters(ChainRegistry.Bitcoin);

    /// <summary>The Bitcoin index, or null when the data directory has none.</summary>
    public BitcoinIndex? BitcoinOrNull() => HasBitcoin ? Bitcoin() : null;

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var (index, _, _) in _utxo.Values) index.Dispose();
            _utxo.Clear();
            foreach (var (index, _) in _account.Values) index.Dispose();
            _account.Clear();
        }
    }

    private (BitcoinIndex Index, AddressClusters? Clusters, DateTime Stamp) CurrentUtxo(ChainDefinition chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        if (chain.Family != ChainFamily.Utxo) throw CairnException.Invalid("chain", $"chain {chain.Id} is an account chain: it has no UTXO index");
        lock (_lock)
        {
            var directory = DirectoryOf(chain);
            var manifest = Path.Combine(directory, IndexManifest.FileName);
            if (!File.Exists(manifest))
                throw new NotFoundException($"no {chain.Name} index in {directory}: ingest blocks first (cairn {chain.Id} ingest{(chain.Id == "btc" ? ", or cairn demo" : "")})");
            var stamp = File.GetLastWriteTimeUtc(manifest);
            if (_utxo.TryGetValue(chain.Id, out var current) && current.Stamp == stamp) return current;
            var opened = (BitcoinIndex.OpenRead(directory), (AddressClusters?)null, stamp);
            _utxo[chain.Id] = opened;
            return opened;
        }
    }
}
