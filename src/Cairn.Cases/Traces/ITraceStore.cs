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

    /// <summary>
    /// Reads pages of the trace's parts and its notes in one transaction with one custody entry (trace.read,
    /// hashing what was read): what the web UI asks for at each click.
    /// </summary>
    Task<TracePartsRead> ReadPartsAsync(Actor actor, string caseReference, string traceId, IReadOnlyList<TracePartQuery> queries, CancellationToken cancellationToken = default);

    /// <summary>Adds the trace's parts as rows (at save, or once for a trace saved before parts were kept); logged as trace.items with the hash of the parts.</summary>
    Task AddItemsAsync(Actor actor, string caseReference, string traceId, IReadOnlyList<TraceItem> items, CancellationToken cancellationToken = default);

    /// <summary>Sets the note on a node (empty text removes it); logged as trace.annotate with the hash of the text.</summary>
    Task<TraceAnnotation?> AnnotateAsync(Actor actor, string caseReference, string traceId, string nodeId, string text, CancellationToken cancellationToken = default);
}
