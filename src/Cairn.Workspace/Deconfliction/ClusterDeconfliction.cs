using Cairn.Cases.Agencies;
using Cairn.Cases.Deconfliction;
using Cairn.Chains;
using Cairn.Chains.Bitcoin;
using Cairn.Index.Bitcoin;
using Cairn.Tracing.Clustering;
using Cairn.Workspace.Chain;

namespace Cairn.Workspace.Deconfliction;

/// <summary>
/// Deconfliction at cluster level (issue 18, docs/deconfliction.md): an address recorded in one agency's case that lies in the same
/// multi-input cluster (<see cref="AddressClusters"/>: addresses spent together belong to one entity, Meiklejohn et al. 2013) as an
/// address of another agency's case gives both agencies a hit notice naming their own address, the cluster id and the other agency.
/// Needs the chain's index in the data directory; without one (or for an account chain) there is no cluster and nothing to tell.
/// The other agencies' addresses are compared here and go no further.
/// </summary>
public sealed class ClusterDeconfliction
{
    private readonly IAddressDeconfliction _store;
    private readonly ChainIndexes _chains;

    public ClusterDeconfliction(IAddressDeconfliction store, ChainIndexes chains)
    {
        _store = store;
        _chains = chains;
    }

    /// <summary>Notifies both sides for every other agency's address in the cluster of <paramref name="address"/>; returns how many pairs were newly told.</summary>
    public async Task<int> NotifyHitsAsync(Actor actor, string chain, string address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (ChainRegistry.Find(chain) is not { Family: ChainFamily.Utxo } definition || !_chains.Has(definition)) return 0;
        var index = _chains.Utxo(definition);
        var clusters = _chains.Clusters(definition);
        if (ClusterOf(index, clusters, address) is not { } cluster || clusters.SizeOf(cluster) < 2) return 0;
        var told = 0;
        foreach (var other in await _store.OtherAgenciesWalletsAsync(actor, chain, cancellationToken).ConfigureAwait(false))
        {
            // The same address is an address hit (IAddressDeconfliction.NotifyHitsAsync), not a cluster hit.
            if (other.Address == address || ClusterOf(index, clusters, other.Address) != cluster) continue;
            if (await _store.NotifyClusterHitAsync(actor, chain, address, cluster, other, cancellationToken).ConfigureAwait(false)) told++;
        }
        return told;
    }

    private static uint? ClusterOf(BitcoinIndex index, AddressClusters clusters, string address)
    {
        if (!AddressCodec.TryDecode(address, index.Network, out _)) return null;
        var key = AddressKey.Parse(address, index.Network);
        return index.TryFindAddress(key, out var id) && id < clusters.AddressCount ? clusters.ClusterOf(id) : null;
    }
}
