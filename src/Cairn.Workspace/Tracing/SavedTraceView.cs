using Cairn.Cases.Traces;

namespace Cairn.Workspace.Tracing;

/// <summary>A saved trace (its record, without the stored JSON) and its report: <see cref="Report"/> for Bitcoin, <see cref="EthReport"/> for Ethereum.</summary>
public sealed record SavedTraceView(CaseTrace Trace, TraceReport? Report, EthTraceReport? EthReport = null);
