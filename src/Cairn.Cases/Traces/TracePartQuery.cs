using Cairn.Core.Paging;

namespace Cairn.Cases.Traces;

/// <summary>One page of a saved trace's parts of one kind (of one entity when given), as asked in <see cref="ITraceStore.ReadPartsAsync"/>.</summary>
public sealed record TracePartQuery(string Kind, string? EntityId, PageRequest Page);
