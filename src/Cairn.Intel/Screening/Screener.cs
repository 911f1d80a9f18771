using Cairn.Chains;
using Cairn.Intel.Addresses;

namespace Cairn.Intel.Screening;

/// <summary>
/// Screens addresses against a <see cref="ScreeningIndex"/> and, when a chain index is at hand
/// (<see cref="IClusterResolver"/>), against the other addresses of each address's cluster.
/// Cluster hits are found by resolving every indexed address once (cost grows with the number of
/// tagged addresses, not with cluster sizes) and then, per screened address, one cluster lookup.
/// </summary>
public sealed class Screener
{
    private readonly ScreeningIndex _index;
    private readonly IClusterResolver? _clusters;
    private readonly Lazy<Dictionary<long, List<ClusterHit>>> _hitsByCluster;

    public Screener(ScreeningIndex index, IClusterResolver? clusters = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        _index = index;
        _clusters = clusters;
        _hitsByCluster = new Lazy<Dictionary<long, List<ClusterHit>>>(BuildClusterHits);
    }

    public ScreeningIndex Index => _index;

    /// <summary>
    /// Screens <paramref name="address"/>. <paramref name="chain"/>: null or "auto" detects the family;
    /// "btc"/"eth" (and the other EVM chains) demand that chain's format. Another chain of the registry
    /// (ltc, bch, doge, trx, or its currency code) matches the address in the chain's form (CashAddr
    /// with or without its prefix, bech32 in either case) and keeps the hits listed for that chain, or
    /// for a token (USDT…) when the address is valid on it; a string that is not an address of that
    /// chain is matched as written. Any other currency code matches as written and keeps only hits in
    /// that currency.
    /// </summary>
    public AddressScreening Screen(string address, string? chain = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        var family = AddressNormalizer.FamilyOfChain(chain);
        var definition = family == AddressFamily.Other ? ChainRegistry.Find(chain) ?? ChainRegistry.ForCurrency(chain) : null;
        var validOnChain = false;
        if (definition is not null && definition.Addresses.TryNormalize(address, out var chainKey, out _))
        {
            address = chainKey;
            validOnChain = true;
        }
        var status = _index.Match(address, family, out var found, out var matchedFamily);
        if (status == ScreeningStatus.Malformed)
            return new AddressScreening { Input = address, Status = status, Family = matchedFamily, Error = _index.ExplainMalformed(address, matchedFamily) };

        var normalized = Normalize(address, matchedFamily);
        IReadOnlyList<ScreeningHit> hits = found.ToArray();
        if (family == AddressFamily.Other && chain is not null)
            hits = hits.Where(h => h.Currency.Equals(chain, StringComparison.OrdinalIgnoreCase) || (definition is not null && ListedFor(h.Currency, definition, validOnChain))).ToArray();

        long? clusterId = null;
        IReadOnlyList<ClusterHit> clusterHits = [];
        if (_clusters is not null && _clusters.TryGetClusterId(normalized, out var id))
        {
            clusterId = id;
            if (_hitsByCluster.Value.TryGetValue(id, out var inCluster))
                clusterHits = inCluster.Where(h => h.Address != normalized.Key).ToList();
        }
        return new AddressScreening
        {
            Input = address,
            Status = hits.Count > 0 || clusterHits.Count > 0 ? ScreeningStatus.Hit : ScreeningStatus.NoHit,
            Family = matchedFamily,
            Normalized = normalized.Key,
            Hits = hits,
            ClusterId = clusterId,
            ClusterHits = clusterHits,
        };
    }

    /// <summary>A hit in <paramref name="currency"/> counts on <paramref name="chain"/> when the code names that chain, or names no chain (a token) and the address is valid there.</summary>
    private static bool ListedFor(string currency, ChainDefinition chain, bool validOnChain) =>
        ChainRegistry.ForCurrency(currency) is { } named ? named.Id == chain.Id : validOnChain;

    private static NormalizedAddress Normalize(string address, AddressFamily family)
    {
        var trimmed = address.Trim();
        var lower = family == AddressFamily.Ethereum || (family == AddressFamily.Bitcoin && BitcoinAddressValidator.LooksLikeSegwit(trimmed));
        return new NormalizedAddress(family, lower ? trimmed.ToLowerInvariant() : trimmed);
    }

    private Dictionary<long, List<ClusterHit>> BuildClusterHits()
    {
        var byCluster = new Dictionary<long, List<ClusterHit>>();
        if (_clusters is null) return byCluster;
        foreach (var address in _index.Addresses)
        {
            if (!_clusters.TryGetClusterId(address, out var clusterId)) continue;
            if (!byCluster.TryGetValue(clusterId, out var list)) byCluster[clusterId] = list = [];
            foreach (var hit in _index.HitsOf(address).Span) list.Add(new ClusterHit(address.Key, hit));
        }
        return byCluster;
    }
}
