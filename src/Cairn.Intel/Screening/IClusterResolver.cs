using Cairn.Intel.Addresses;

namespace Cairn.Intel.Screening;

/// <summary>
/// Maps an address to the cluster (entity) the chain index put it in, e.g. by the multi-input
/// heuristic. The chain index implements this; screening then also reports hits on any other
/// address of the same cluster.
/// </summary>
public interface IClusterResolver
{
    /// <summary>The cluster of <paramref name="address"/>, when the chain index knows the address.</summary>
    bool TryGetClusterId(NormalizedAddress address, out long clusterId);
}
