using Cairn.Cases.Agencies;
using Cairn.Core.Paging;

namespace Cairn.Cases.Requests;

/// <summary>
/// Legal requests as stored (their JSON body and the columns lists filter on), visible to the
/// agency that drafted them. Every call is one transaction with its custody entry: request.create,
/// request.read, request.list, request.&lt;action&gt; for changes and request.render.&lt;format&gt;.
/// </summary>
public interface ILegalRequestStore
{
    Task<StoredLegalRequest> CreateAsync(Actor actor, StoredLegalRequest request, CancellationToken cancellationToken = default);

    Task<StoredLegalRequest> GetAsync(Actor actor, string id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StoredLegalRequest>> ListAsync(Actor actor, CancellationToken cancellationToken = default);

    /// <summary>One page of the agency's requests (of one case when <paramref name="caseReference"/> is given).</summary>
    Task<Page<StoredLegalRequest>> ListAsync(Actor actor, string? caseReference, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Saves a changed request if nobody saved it since its version; logs "request.<paramref name="action"/>".</summary>
    Task<StoredLegalRequest> UpdateAsync(Actor actor, StoredLegalRequest changed, string action, CancellationToken cancellationToken = default);

    /// <summary>Logs that the request was rendered as <paramref name="format"/>, with the hash of the file.</summary>
    Task RecordRenderingAsync(Actor actor, string id, string format, byte[] rendered, CancellationToken cancellationToken = default);
}
