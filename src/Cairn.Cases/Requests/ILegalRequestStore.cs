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

    /// <summary>One page of the agency's requests, filtered by case, status and requested State where given (paged by the database).</summary>
    Task<Page<StoredLegalRequest>> SearchAsync(Actor actor, string? caseReference, string? status, string? requestedState, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every agency's requests for a case (deconfliction: agencies working the same case see who asked which
    /// State for what). The caller checks that the actor may see the case; logged as "request.list".
    /// </summary>
    Task<IReadOnlyList<StoredLegalRequest>> ListOfCaseAsync(Actor actor, string caseReference, CancellationToken cancellationToken = default);

    /// <summary>Saves a changed request if nobody saved it since its version; logs "request.<paramref name="action"/>".</summary>
    Task<StoredLegalRequest> UpdateAsync(Actor actor, StoredLegalRequest changed, string action, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a validation of the request at <paramref name="expectedVersion"/> (refused if it was saved since: the validator
    /// must have seen what they validate); logs "request.validate" with the SHA-256 of the validated text.
    /// </summary>
    Task RecordValidationAsync(Actor actor, StoredValidation validation, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Logs that the request was rendered as <paramref name="format"/>, with the hash of the file.</summary>
    Task RecordRenderingAsync(Actor actor, string id, string format, byte[] rendered, CancellationToken cancellationToken = default);
}
