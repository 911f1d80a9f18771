using Cairn.Cases.Agencies;
using Cairn.Core.Paging;

namespace Cairn.Cases.Traces;

/// <summary>Traces kept with cases, visible with their case; every call one transaction with its custody entry (trace.save, trace.list, trace.read).</summary>
public interface ITraceStore
{
    /// <summary>Keeps a trace with the case: its chain, title, full request (JSON), the chain tip it ran on and its result (JSON, hashed into the custody entry).</summary>
    Task<CaseTrace> SaveAsync(Actor actor, string caseReference, string chain, string title, string requestJson, long tipHeight, string tipHash, string resultJson, CancellationToken cancellationToken = default);

    /// <summary>The traces of a case, newest first, without their result JSON.</summary>
    Task<IReadOnlyList<CaseTrace>> ListAsync(Actor actor, string caseReference, CancellationToken cancellationToken = default);

    /// <summary>One page of the traces of a case, newest first, without their result JSON.</summary>
    Task<Page<CaseTrace>> ListAsync(Actor actor, string caseReference, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>A trace with its result JSON.</summary>
    Task<CaseTrace> GetAsync(Actor actor, string caseReference, string traceId, CancellationToken cancellationToken = default);
}
