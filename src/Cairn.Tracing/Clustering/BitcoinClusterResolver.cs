using Cairn.Chains.Bitcoin;
using Cairn.Index.Bitcoin;
using Cairn.Intel.Addresses;
using Cairn.Intel.Screening;

namespace Cairn.Tracing.Clustering;

/// <summary>
/// Lets screening (Cairn.Intel, which knows nothing of the chain index) ask the Bitcoin index
/// which multi-input cluster an address is in. Bitcoin-family addresses and "other" ones (a
/// regtest or testnet index holds addresses Intel does not match as mainnet Bitcoin) are parsed
/// for the index's network; Ethereum addresses and addresses the index never saw have no cluster.
/// The cluster id is <see cref="AddressClusters"/>' (the smallest address id in the cluster).
/// </summary>
public sealed class BitcoinClusterResolver : IClusterResolver
{
    private readonly BitcoinIndex _index;
    private readonly AddressClusters _clusters;

    public BitcoinClusterResolver(BitcoinIndex index, AddressClusters clusters)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(clusters);
        _index = index;
        _clusters = clusters;
    }

    public bool TryGetClusterId(NormalizedAddress address, out long clusterId)
    {
        clusterId = -1;
        if (address.Family == AddressFamily.Ethereum || string.IsNullOrEmpty(address.Key)) return false;
        // Checked first so that a list full of other networks' addresses costs no exceptions.
        if (!AddressCodec.TryDecode(address.Key, _index.Network, out _)) return false;
        var key = AddressKey.Parse(address.Key, _index.Network);
        if (!_index.TryFindAddress(key, out var addressId) || addressId >= _clusters.AddressCount) return false;
        clusterId = _clusters.ClusterOf(addressId);
        return true;
    }

    /// <summary>Number of addresses in a cluster this resolver reported.</summary>
    public long SizeOf(long clusterId) => clusterId is >= 0 and <= uint.MaxValue ? _clusters.SizeOf((uint)clusterId) : 0;
}
