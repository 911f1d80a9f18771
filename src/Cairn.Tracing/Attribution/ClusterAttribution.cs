using Cairn.Index.Bitcoin;
using Cairn.Tracing.Clustering;

namespace Cairn.Tracing.Attribution;

/// <summary>
/// Lifts address tags to clusters: an address is attributed by its own tag, else by a tag on
/// any address of its multi-input cluster (so a tagged hot wallet attributes the deposit
/// addresses swept into it). A cluster-derived attribution carries the tag's confidence times
/// 0.9 and says so in its source. When a cluster holds tags of two actors, the first tag found in
/// address-id order wins and the conflict is counted.
/// </summary>
public sealed class ClusterAttribution
{
    private const double ClusterConfidenceFactor = 0.9;

    private readonly BitcoinIndex _index;
    private readonly AddressClusters? _clusters;
    private readonly IAttributionSource _source;
    private readonly Dictionary<uint, ActorAttribution> _byCluster = [];

    public ClusterAttribution(BitcoinIndex index, AddressClusters? clusters, IAttributionSource source)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(source);
        _index = index;
        _clusters = clusters;
        _source = source;
        if (clusters is null) return;
        var tagged = new List<(uint Address, ActorAttribution Attribution)>();
        foreach (var text in source.AttributedAddresses)
        {
            AddressKey key;
            try { key = AddressKey.Parse(text, index.Network); }
            catch (Cairn.Core.CairnException) { continue; } // another chain's address, or malformed: not in this index
            catch (FormatException) { continue; }
            if (index.TryFindAddress(key, out var address) && source.Lookup(text) is { } attribution) tagged.Add((address, attribution));
        }
        foreach (var (address, attribution) in tagged.OrderBy(t => t.Address))
        {
            var cluster = clusters.ClusterOf(address);
            if (_byCluster.TryGetValue(cluster, out var existing))
            {
                if (existing.ActorId != attribution.ActorId) ConflictingClusters++;
                continue;
            }
            _byCluster[cluster] = attribution with
            {
                Confidence = attribution.Confidence * ClusterConfidenceFactor,
                Source = attribution.Source + ViaCluster,
            };
        }
    }

    /// <summary>Ends the source of an attribution lifted from a tagged address to its whole multi-input cluster.</summary>
    public const string ViaCluster = " via multi-input cluster";

    /// <summary>Clusters holding tags of more than one actor (the first tag is used; a reason to review).</summary>
    public int ConflictingClusters { get; }

    public ActorAttribution? Lookup(uint addressId)
    {
        if (addressId == uint.MaxValue) return null;
        var direct = _source.Lookup(_index.AddressString(addressId));
        if (direct is not null) return direct;
        return _clusters is not null && _byCluster.TryGetValue(_clusters.ClusterOf(addressId), out var viaCluster) ? viaCluster : null;
    }

    /// <summary>True when the address itself is on a sanctions list the source knows.</summary>
    public bool IsSanctioned(uint addressId) => addressId != uint.MaxValue && _source.IsSanctioned(_index.AddressString(addressId));

    /// <summary>The attribution of a whole cluster (from any tagged member), or null.</summary>
    public ActorAttribution? LookupCluster(uint clusterId) => _byCluster.GetValueOrDefault(clusterId);
}
