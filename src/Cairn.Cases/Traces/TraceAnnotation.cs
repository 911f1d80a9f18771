namespace Cairn.Cases.Traces;

/// <summary>An analyst's note on a node of a saved trace's graph (an entity, an address or a folded group), kept with the trace.</summary>
public sealed record TraceAnnotation(string TraceId, string NodeId, string Text, string Author, string Agency, DateTimeOffset WrittenAt);
