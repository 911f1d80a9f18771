namespace Cairn.Tracing.Entities;

/// <summary>
/// A trace seen as entities: the entities (largest amount first), their members, the flows between
/// addresses and between entities, and the heuristics behind each grouping and hop.
/// </summary>
public sealed record TraceEntities(
    IReadOnlyList<TraceEntity> Entities,
    IReadOnlyList<EntityMember> Members,
    IReadOnlyList<EntityFlow> AddressFlows,
    IReadOnlyList<EntityFlow> EntityFlows,
    IReadOnlyList<EntityHeuristic> Heuristics)
{
    /// <summary>Each endpoint (by its output, or address on Ethereum): the entity it belongs to and when the value arrived there.</summary>
    public IReadOnlyDictionary<string, EndpointPlacement> Endpoints { get; init; } = new Dictionary<string, EndpointPlacement>();
}
