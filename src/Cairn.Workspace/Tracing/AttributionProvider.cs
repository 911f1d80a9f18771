using Cairn.Index.Bitcoin;
using Cairn.Intel.Store;
using Cairn.Tracing.Attribution;
using Cairn.Tracing.Clustering;
using Cairn.Tracing.Ethereum;

namespace Cairn.Workspace.Tracing;

/// <summary>
/// The one way traces, cluster lookups and screening get attribution: a snapshot of the
/// intelligence store (rebuilt only when its revision moved), lifted to multi-input clusters for
/// Bitcoin (cached per index, since lifting walks every tagged address), layered under an optional
/// overlay that is asked first.
/// </summary>
public sealed class AttributionProvider
{
    private readonly IIntelStore _intel;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _clusteredLock = new();
    private (long Revision, IntelAttributionSource Source)? _source;
    private (IntelAttributionSource Source, BitcoinIndex Index, ClusterAttribution Attribution)? _clustered;

    public AttributionProvider(IIntelStore intel) => _intel = intel;

    /// <summary>Bitcoin attribution lifted to clusters, or null when <paramref name="options"/> asks for none.</summary>
    public async Task<ClusterAttribution?> BitcoinAsync(BitcoinIndex index, AddressClusters clusters, TraceAttribution options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(options);
        var intel = options.UseIntel ? await SnapshotAsync(cancellationToken).ConfigureAwait(false) : null;
        if (options.Overlay is { } overlay)
            return new ClusterAttribution(index, clusters, intel is null ? overlay : new LayeredAttributionSource(overlay, intel));
        if (intel is null) return null;
        lock (_clusteredLock)
        {
            if (_clustered is { } cached && ReferenceEquals(cached.Source, intel) && ReferenceEquals(cached.Index, index)) return cached.Attribution;
            var attribution = new ClusterAttribution(index, clusters, intel);
            _clustered = (intel, index, attribution);
            return attribution;
        }
    }

    /// <summary>Ethereum attribution (the same intelligence, by lower-case address), or null when <paramref name="options"/> asks for none.</summary>
    public async Task<IEthAttributionLookup?> EthereumAsync(TraceAttribution options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UseIntel ? await SnapshotAsync(cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>The intelligence snapshot, reloaded when the store's revision changed.</summary>
    public async Task<IntelAttributionSource> SnapshotAsync(CancellationToken cancellationToken = default)
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
