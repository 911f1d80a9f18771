namespace Cairn.Workspace.Tracing;

/// <summary>A trace to run and keep with a case: a title (default: model, direction and seeds) and the request.</summary>
public sealed record SaveTraceRequest(string? Title, TraceParameters? Request);
