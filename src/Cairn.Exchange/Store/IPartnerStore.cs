using Cairn.Cases.Agencies;
using Cairn.Core.Paging;
using Cairn.Exchange.Nodes;

namespace Cairn.Exchange.Store;

/// <summary>Registered partner nodes: their cards, registered once after comparing fingerprints (logged "exchange.partner.add").</summary>
public interface IPartnerStore
{
    /// <summary>Registers a card; the same keys again is a no-op, other keys for a known node id are refused.</summary>
    Task<NodeCard> AddAsync(Actor actor, NodeCard card, CancellationToken cancellationToken = default);

    Task<Page<NodeCard>> ListAsync(PageRequest page, CancellationToken cancellationToken = default);

    Task<NodeCard?> FindAsync(string nodeId, CancellationToken cancellationToken = default);
}
