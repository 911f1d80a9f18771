using Cairn.Index.Bitcoin;
using Cairn.Intel.Actors;
using Cairn.Intel.Sanctions;
using Cairn.Intel.Store;
using Cairn.Intel.Tags;
using Cairn.Tracing.Attribution;
using Cairn.Tracing.Clustering;
using Cairn.Tracing.Ethereum;

namespace Cairn.Workspace.Tracing;

/// <summary>
/// The one way traces, cluster lookups and screening get attribution: a snapshot of the
/// intelligence store (read again only when its revision moved), per chain (tags that name another
/// chain of the registry left out), lifted to multi-input clusters on UTXO chains (cached per index,
/// since lifting walks every tagged address), layered under an optional overlay that is asked first.
/// </summary>
public sealed class AttributionProvider
{
    private readonly IIntelStore _intel;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _lock = new();
    private Snapshot? _snapshot;
    private readonly Dictionary<string, (IntelAttributionSource Source, BitcoinIndex Index, ClusterAttribution Attribution)> _clustered = [];

    public AttributionProvider(IIntelStore intel) => _intel = intel;

    /// <summary>UTXO-chain attribution (the index's chain) lifted to clusters, or null when <paramref name="options"/> asks for none.</summary>
    public async Task<ClusterAttribution?> BitcoinAsync(BitcoinIndex index, AddressClusters clusters, TraceAttribution options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(options);
        var chain = index.Network.Chain;
        var intel = options.UseIntel ? await SnapshotAsync(chain, cancellationToken).ConfigureAwait(false) : null;
        if (options.Overlay is { } overlay)
            return new ClusterAttribution(index, clusters, intel is null ? overlay : new LayeredAttributionSource(overlay, intel));
        if (intel is null) return null;
        lock (_lock)
        {
            if (_clustered.TryGetValue(chain, out var cached) && ReferenceEquals(cached.Source, intel) && ReferenceEquals(cached.Index, index)) return cached.Attribution;
            var attribution = new ClusterAttribution(index, clusters, intel);
            _clustered[chain] = (intel, index, attribution);
            return attribution;
        }
    }

    /// <summary>Ethereum attribution (the same intelligence, by lower-case address), or null when <paramref name="options"/> asks for none.</summary>
    public Task<IEthAttributionLookup?> EthereumAsync(TraceAttribution options, CancellationToken cancellationToken = default) =>
        EthereumAsync(options, "eth", cancellationToken);

    /// <summary>An account chain's attribution (by lower-case address), or null when <paramref name="options"/> asks for none.</summary>
    public async Task<IEthAttributionLookup?> EthereumAsync(TraceAttribution options, string chain, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UseIntel ? await SnapshotAsync(chain, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>The whole intelligence snapshot (every chain's tags), reloaded when the store's revision changed.</summary>
    public async Task<IntelAttributionSource> SnapshotAsync(CancellationToken cancellationToken = default) =>
        (await LoadAsync(cancellationToken).ConfigureAwait(false)).All;

    /// <summary>The intelligence snapshot for one chain: tags naming another chain of the registry left out.</summary>
    public async Task<IntelAttributionSource> SnapshotAsync(string chain, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var snapshot = await LoadAsync(cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            if (snapshot.ByChain.TryGetValue(chain, out var source)) return source;
            source = new IntelAttributionSource(snapshot.Tags, snapshot.Actors, snapshot.Sanctions, chain: chain);
            snapshot.ByChain[chain] = source;
            return source;
        }
    }

    private async Task<Snapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var revision = await _intel.GetRevisionAsync(cancellationToken).ConfigureAwait(false);
            if (_snapshot is { } cached && cached.Revision == revision) return cached;
            var actors = await _intel.LoadActorsAsync(cancellationToken).ConfigureAwait(false);
            var tags = await _intel.LoadTagsAsync(TagFilter.All, cancellationToken).ConfigureAwait(false);
            var sanctions = await _intel.LoadSanctionsAsync(cancellationToken).ConfigureAwait(false);
            var snapshot = new Snapshot(revision, tags, actors, sanctions, new IntelAttributionSource(tags, actors, sanctions), []);
            lock (_lock) _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed record Snapshot(long Revision, IReadOnlyList<Tag> Tags, IReadOnlyList<Actor> Actors, IReadOnlyList<SanctionedAddress> Sanctions,
        IntelAttributionSource All, Dictionary<string, IntelAttributionSource> ByChain);
}
