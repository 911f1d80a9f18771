using Cairn.Core.Paging;

namespace Cairn.Cases.Traces;

/// <summary>
/// What one read of a saved trace's parts returns: the trace's record, whether its parts are kept as rows
/// (false for a trace saved before they were), one page per query in the order asked, and the notes on its graph nodes.
/// </summary>
public sealed record TracePartsRead(CaseTrace Trace, bool HasParts, IReadOnlyList<Page<TraceItem>> Pages, IReadOnlyList<TraceAnnotation> Annotations);
