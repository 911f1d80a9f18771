using System.Collections.Concurrent;
using Cairn.Chains;
using Cairn.Core;
using Cairn.Intel.Screening;
using Cairn.Intel.Store;
using Cairn.Tracing.Clustering;
using Cairn.Workspace.Chain;

namespace Cairn.Workspace.Intel;

/// <summary>
/// One screener per UTXO chain for all requests of a server (cluster hits come from that chain's
/// index; Bitcoin's unless the request names another UTXO chain): building one (the screening index
/// from the store, and the hits of every listed address's cluster) costs far more than screening an
/// address, so it is rebuilt only when the intelligence store's revision or the chain index changed.
/// The revision is asked at most once per <see cref="RevisionCheckInterval"/>, so a new import is seen within it.
/// </summary>
public sealed class ScreeningService
{
    public static readonly TimeSpan RevisionCheckInterval = TimeSpan.FromSeconds(1);

    private readonly IntelService _intel;
    private readonly ChainIndexes _chains;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, Current> _current = new(StringComparer.Ordinal);

    public ScreeningService(IntelService intel, ChainIndexes chains, TimeProvider time)
    {
        _intel = intel;
        _chains = chains;
        _time = time;
    }

    public const int MaxBatch = 10_000;

    /// <summary>
    /// Screens each address against tags and sanctions lists; with a Bitcoin index in the data
    /// directory (and <paramref name="useClusters"/>), hits on other addresses of its multi-input
    /// cluster are reported too. A malformed address is reported, never matched.
    /// </summary>
    public async Task<IReadOnlyList<ScreeningView>> ScreenAsync(ScreenRequest request, bool useClusters = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var addresses = request.Addresses ?? [];
        if (addresses.Count == 0) throw new ValidationException("addresses", "field 'addresses' needs at least one address");
        if (addresses.Count > MaxBatch) throw new ValidationException("addresses", $"at most {MaxBatch} addresses per request, got {addresses.Count}");
        // A JSON null in the list (found by the API fuzz pass, issue 17) is refused by its place, not screened.
        for (var i = 0; i < addresses.Count; i++)
            if (addresses[i] is null) throw new ValidationException("addresses", $"field 'addresses' item {i + 1} is null, not an address");
        var screener = useClusters ? await GetAsync(ClusterChain(request.Chain), cancellationToken).ConfigureAwait(false) : new Screener(await _intel.GetIndexAsync(cancellationToken).ConfigureAwait(false));
        return addresses.Select(a => ScreeningView.Of(screener.Screen(a, request.Chain))).ToList();
    }

    public Task<Screener> GetAsync(CancellationToken cancellationToken = default) => GetAsync(ChainRegistry.Bitcoin, cancellationToken);

    /// <summary>The screener whose cluster hits come from UTXO chain <paramref name="chain"/>'s index (none when it has no index).</summary>
    public async Task<Screener> GetAsync(ChainDefinition chain, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var now = _time.GetUtcNow();
        _current.TryGetValue(chain.Id, out var current);
        if (current is not null && now - current.CheckedAt < RevisionCheckInterval && ReferenceEquals(current.Index, CurrentIndex(chain))) return current.Screener;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var index = await _intel.GetIndexAsync(cancellationToken).ConfigureAwait(false);
            var chainIndex = CurrentIndex(chain);
            _current.TryGetValue(chain.Id, out current);
            if (current is null || !ReferenceEquals(current.Screening, index) || !ReferenceEquals(current.Index, chainIndex))
            {
                var clusters = chainIndex is null ? null : new BitcoinClusterResolver(chainIndex, _chains.Clusters(chain));
                current = new Current(new Screener(index, clusters), index, chainIndex, now);
            }
            _current[chain.Id] = current with { CheckedAt = now };
            return current.Screener;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The UTXO chain a request's chain (id or currency code) names, else Bitcoin.</summary>
    private static ChainDefinition ClusterChain(string? chain) =>
        (ChainRegistry.Find(chain) ?? ChainRegistry.ForCurrency(chain)) is { Family: ChainFamily.Utxo } utxo ? utxo : ChainRegistry.Bitcoin;

    private Index.Bitcoin.BitcoinIndex? CurrentIndex(ChainDefinition chain) => _chains.Has(chain) ? _chains.Utxo(chain) : null;

    private sealed record Current(Screener Screener, ScreeningIndex Screening, Index.Bitcoin.BitcoinIndex? Index, DateTimeOffset CheckedAt);
}
