using Cairn.Cases.Agencies;

namespace Cairn.Exchange.Store;

/// <summary>The match filters the agencies of this node sent to partners (deconfliction across nodes; docs/deconfliction.md).</summary>
public interface IMatchFilterStore
{
    /// <summary>Records a filter about to be sent (logged "deconfliction.filter.publish" with the filter's hash).</summary>
    Task RecordAsync(Actor actor, PublishedFilter filter, string filterSha256, CancellationToken cancellationToken = default);

    /// <summary>Notes the outbox message that carried the filter.</summary>
    Task SetMessageAsync(Actor actor, string filterId, string messageId, CancellationToken cancellationToken = default);

    /// <summary>The actor's agency's filter <paramref name="filterId"/>, or null (another agency's filter is not found either).</summary>
    Task<PublishedFilter?> FindAsync(Actor actor, string filterId, CancellationToken cancellationToken = default);
}
