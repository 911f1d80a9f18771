using Cairn.Cases.Traces;

namespace Cairn.Workspace.Tracing;

/// <summary>A saved trace (its record, without the stored JSON) and its report.</summary>
public sealed record SavedTraceView(CaseTrace Trace, TraceReport Report);
