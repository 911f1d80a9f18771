using Cairn.Intel.Store;
using Cairn.Tracing.Attribution;
using Cairn.Tracing.Ethereum;
using Cairn.Tracing.Tracing;
using Cairn.Workspace.Chain;

namespace Cairn.Workspace.Tracing;

/// <summary>
/// Runs Bitcoin traces over the data directory's index with attribution from the intelligence
/// store (tags and actors, lifted to multi-input clusters; OFAC hits flagged). The attribution is
/// rebuilt only when the store's revision or the index changed, since lifting tags to clusters
/// walks every tagged address.
/// </summary>
public sealed class TraceService
{
    private readonly ChainIndexes _chains;
    private readonly IIntelStore _intel;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _clusteredLock = new();
    private (long Revision, IntelAttributionSource Source)? _source;
    private (IntelAttributionSource Source, Index.Bitcoin.BitcoinIndex Index, ClusterAttribution Attribution)? _clustered;

    public TraceService(ChainIndexes chains, IIntelStore intel)
    {
        _chains = chains;
        _intel = intel;
    }

    public Task<TraceResult> RunAsync(TraceParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return RunAsync(parameters.ToRequest(), cancellationToken);
    }

    /// <summary>Runs <paramref name="request"/> as it stands (a saved trace's full request, every bound included) on the current index.</summary>
    public async Task<TraceResult> RunAsync(TraceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var index = _chains.Bitcoin();
        var clusters = _chains.Clusters();
        var attribution = await AttributionAsync(index, cancellationToken).ConfigureAwait(false);
        return new Tracer(index, clusters, attribution).Trace(request);
    }

    /// <summary>An Ethereum trace over the data directory's Ethereum index, attributed from the same intelligence store.</summary>
    public async Task<EthTraceReport> RunEthereumAsync(TraceParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var request = parameters.ToEthRequest();
        var index = _chains.Ethereum();
        var attribution = await SourceAsync(cancellationToken).ConfigureAwait(false);
        return EthTraceReport.From(index, request, EthereumTracer.Trace(index, request, attribution));
    }

    private async Task<ClusterAttribution> AttributionAsync(Index.Bitcoin.BitcoinIndex index, CancellationToken cancellationToken)
    {
        var source = await SourceAsync(cancellationToken).ConfigureAwait(false);
        lock (_clusteredLock)
        {
            if (_clustered is { } cached && ReferenceEquals(cached.Source, source) && ReferenceEquals(cached.Index, index)) return cached.Attribution;
            var attribution = new ClusterAttribution(index, _chains.Clusters(), source);
            _clustered = (source, index, attribution);
            return attribution;
        }
    }

    /// <summary>The intelligence snapshot both chains attribute from, reloaded when the store's revision changed.</summary>
    private async Task<IntelAttributionSource> SourceAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var revision = await _intel.GetRevisionAsync(cancellationToken).ConfigureAwait(false);
            if (_source is { } cached && cached.Revision == revision) return cached.Source;
            var source = await IntelAttributionSource.FromStoreAsync(_intel, cancellationToken).ConfigureAwait(false);
            _source = (revision, source);
            return source;
        }
        finally
        {
            _gate.Release();
        }
    }
}
