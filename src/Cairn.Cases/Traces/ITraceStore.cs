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

    /// <summary>The trace's record without its result JSON (logged as trace.read).</summary>
    Task<CaseTrace> GetRecordAsync(Actor actor, string caseReference, string traceId, CancellationToken cancellationToken = default);

    /// <summary>Adds the trace's parts as rows (at save, or once for a trace saved before parts were kept); logged as trace.items with the hash of the parts.</summary>
    Task AddItemsAsync(Actor actor, string caseReference, string traceId, IReadOnlyList<TraceItem> items, CancellationToken cancellationToken = default);

    /// <summary>Whether the trace's parts are kept as rows.</summary>
    Task<bool> HasItemsAsync(Actor actor, string caseReference, string traceId, CancellationToken cancellationToken = default);

    /// <summary>One page of the trace's parts of one kind, in report order, optionally of one entity (logged as trace.read).</summary>
    Task<Page<TraceItem>> ItemsAsync(Actor actor, string caseReference, string traceId, string kind, string? entityId, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>The notes on the trace's graph nodes.</summary>
    Task<IReadOnlyList<TraceAnnotation>> AnnotationsAsync(Actor actor, string caseReference, string traceId, CancellationToken cancellationToken = default);

    /// <summary>Sets the note on a node (empty text removes it); logged as trace.annotate with the hash of the text.</summary>
    Task<TraceAnnotation?> AnnotateAsync(Actor actor, string caseReference, string traceId, string nodeId, string text, CancellationToken cancellationToken = default);
}
