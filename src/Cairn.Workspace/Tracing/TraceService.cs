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
    private (long Revision, Index.Bitcoin.BitcoinIndex Index, ClusterAttribution Attribution)? _cached;

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
        var attribution = await IntelAttributionSource.FromStoreAsync(_intel, cancellationToken).ConfigureAwait(false);
        return EthTraceReport.From(index, request, EthereumTracer.Trace(index, request, attribution));
    }

    private async Task<ClusterAttribution> AttributionAsync(Index.Bitcoin.BitcoinIndex index, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var revision = await _intel.GetRevisionAsync(cancellationToken).ConfigureAwait(false);
            if (_cached is { } cached && cached.Revision == revision && ReferenceEquals(cached.Index, index)) return cached.Attribution;
            var source = await IntelAttributionSource.FromStoreAsync(_intel, cancellationToken).ConfigureAwait(false);
            var attribution = new ClusterAttribution(index, _chains.Clusters(), source);
            _cached = (revision, index, attribution);
            return attribution;
        }
        finally
        {
            _gate.Release();
        }
    }
}
