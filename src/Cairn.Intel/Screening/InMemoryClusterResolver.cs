using Cairn.Intel.Addresses;

namespace Cairn.Intel.Screening;

/// <summary>A cluster assignment held in memory: for clusters computed elsewhere and handed in as lists.</summary>
public sealed class InMemoryClusterResolver : IClusterResolver
{
    private readonly Dictionary<NormalizedAddress, long> _clusters = [];

    /// <summary>Puts <paramref name="addresses"/> in cluster <paramref name="clusterId"/>.</summary>
    public void Add(long clusterId, IEnumerable<NormalizedAddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        foreach (var address in addresses) _clusters[address] = clusterId;
    }

    public bool TryGetClusterId(NormalizedAddress address, out long clusterId) => _clusters.TryGetValue(address, out clusterId);
}
