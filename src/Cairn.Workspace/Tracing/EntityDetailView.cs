using Cairn.Cases.Traces;
using Cairn.Core.Paging;
using Cairn.Tracing.Entities;

namespace Cairn.Workspace.Tracing;

/// <summary>
/// What a click on a graph node shows: the entity, one page of its addresses with the transactions
/// that paid them (block times), the tags behind its attribution with their source and confidence,
/// the heuristics that fired with their rule, and the analyst's note.
/// </summary>
public sealed record EntityDetailView(TraceEntityView Entity, Page<EntityMemberView> Members, IReadOnlyList<EntityDetailView.TagEvidence> Tags,
    IReadOnlyList<EntityHeuristic> Heuristics, TraceAnnotation? Annotation)
{
    /// <summary>A tag from the intelligence store on the entity's actor or one of its addresses: its source (the pack, and where the tag says it came from) and confidence.</summary>
    public sealed record TagEvidence(string Address, string Label, string? Category, string? Actor, string? Confidence, string Source, string Pack);
}
