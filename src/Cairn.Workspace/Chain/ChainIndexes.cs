using Cairn.Core;
using Cairn.Index.Bitcoin;
using Cairn.Index.Ethereum;
using Cairn.Tracing.Clustering;

namespace Cairn.Workspace.Chain;

/// <summary>
/// The read-only chain indexes of a data directory (<c>btc-index</c>, <c>eth-index</c>), shared by
/// every request of a server. Opened on first use and reopened when its manifest changes (an ingest committed), so
/// a long-running server sees new blocks without a restart. A replaced index is not disposed:
/// requests still reading it finish on their own mapped copy, and the mapping is released with it.
/// </summary>
public sealed class ChainIndexes : IDisposable
{
    private readonly string _directory;
    private readonly Lock _lock = new();
    private readonly string _ethDirectory;
    private (BitcoinIndex Index, AddressClusters? Clusters, DateTime Stamp)? _current;
    private (EthereumIndex Index, DateTime Stamp)? _ethereum;

    public ChainIndexes(string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        _directory = Path.Combine(dataDirectory, "btc-index");
        _ethDirectory = Path.Combine(dataDirectory, "eth-index");
    }

    public bool HasEthereum => File.Exists(Path.Combine(_ethDirectory, EthIndexHead.FileName));

    /// <summary>The current Ethereum index, reopened when an ingest moved its head; a <see cref="NotFoundException"/> when there is none.</summary>
    public EthereumIndex Ethereum()
    {
        lock (_lock)
        {
            var head = Path.Combine(_ethDirectory, EthIndexHead.FileName);
            if (!File.Exists(head)) throw new NotFoundException($"no Ethereum index in {_ethDirectory}: run 'cairn eth ingest' with the node's RPC URL first");
            var stamp = File.GetLastWriteTimeUtc(head);
            if (_ethereum is { } current && current.Stamp == stamp) return current.Index;
            var opened = EthereumIndex.Open(_ethDirectory);
            _ethereum = (opened, stamp);
            return opened;
        }
    }

    public string Directory => _directory;

    public bool HasBitcoin => File.Exists(Path.Combine(_directory, IndexManifest.FileName));

    /// <summary>The current index, or a <see cref="NotFoundException"/> telling how to build one.</summary>
    public BitcoinIndex Bitcoin() => Current().Index;

    /// <summary>Multi-input clusters of the current index (built on first use, then read from <c>addr_cluster</c>).</summary>
    public AddressClusters Clusters()
    {
        lock (_lock)
        {
            var (index, clusters, stamp) = Current();
            if (clusters is not null) return clusters;
            clusters = AddressClusters.OpenOrBuild(index);
            _current = (index, clusters, stamp);
            return clusters;
        }
    }

    /// <summary>Deletes the stored clusters of the current index and builds them again (after a change of clustering rules).</summary>
    public AddressClusters RebuildClusters()
    {
        lock (_lock)
        {
            var (index, _, stamp) = Current();
            File.Delete(Path.Combine(index.Directory, AddressClusters.FileName));
            var clusters = AddressClusters.OpenOrBuild(index);
            _current = (index, clusters, stamp);
            return clusters;
        }
    }

    /// <summary>The Bitcoin index, or null when the data directory has none.</summary>
    public BitcoinIndex? BitcoinOrNull() => HasBitcoin ? Bitcoin() : null;

    public void Dispose()
    {
        lock (_lock)
        {
            _current?.Index.Dispose();
            _current = null;
            _ethereum?.Index.Dispose();
            _ethereum = null;
        }
    }

    private (BitcoinIndex Index, AddressClusters? Clusters, DateTime Stamp) Current()
    {
        lock (_lock)
        {
            var manifest = Path.Combine(_directory, IndexManifest.FileName);
            if (!File.Exists(manifest))
                throw new NotFoundException($"no Bitcoin index in {_directory}: ingest blocks first (cairn btc ingest, or cairn demo)");
            var stamp = File.GetLastWriteTimeUtc(manifest);
            if (_current is { } current && current.Stamp == stamp) return current;
            var opened = (BitcoinIndex.OpenRead(_directory), (AddressClusters?)null, stamp);
            _current = opened;
            return opened;
        }
    }
}
