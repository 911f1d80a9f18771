using Cairn.Core;
using Cairn.Index.Bitcoin;
using Cairn.Tracing.Clustering;

namespace Cairn.Workspace.Chain;

/// <summary>
/// The read-only Bitcoin index of a data directory (<c>btc-index</c>), shared by every request of
/// a server. Opened on first use and reopened when its manifest changes (an ingest committed), so
/// a long-running server sees new blocks without a restart. A replaced index is not disposed:
/// requests still reading it finish on their own mapped copy, and the mapping is released with it.
/// </summary>
public sealed class ChainIndexes : IDisposable
{
    private readonly string _directory;
    private readonly Lock _lock = new();
    private (BitcoinIndex Index, AddressClusters? Clusters, DateTime Stamp)? _current;

    public ChainIndexes(string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        _directory = Path.Combine(dataDirectory, "btc-index");
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

    public void Dispose()
    {
        lock (_lock)
        {
            _current?.Index.Dispose();
            _current = null;
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
