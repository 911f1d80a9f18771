using Cairn.Cases.Traces;

namespace Cairn.Workspace.Tracing;

/// <summary>
/// The entity graph of a saved trace as a view asks for it: at most about <c>max_nodes</c> entities
/// (the seed and the largest; the rest folded into one "other" node per jurisdiction), the entities
/// asked for expanded into their addresses, edges carrying the traced value between nodes (exact base
/// units, decimal, USD and EUR), the time span of the whole trace (for the time filter) and the notes on nodes.
/// </summary>
public sealed record EntityGraphView(
    IReadOnlyList<EntityGraphView.Node> Nodes,
    IReadOnlyList<EntityGraphView.Edge> Edges,
    string Asset,
    int TotalEntities,
    int ShownEntities,
    int FoldedEntities,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    IReadOnlyList<TraceAnnotation> Annotations)
{
    /// <summary>
    /// Kind: actor, cluster, address (entities), other (folded entities of one jurisdiction, <see cref="Entities"/> of them),
    /// member (an address of an expanded entity, <see cref="Parent"/> names it).
    /// </summary>
    public sealed record Node(string Id, string Kind, string Label, string? Category, string? Jurisdiction, string Amount, string AmountDecimal,
        string? ValueUsd, string? ValueEur, DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen, bool Sanctioned, bool Seed, int Addresses, int Endpoints,
        string? Parent, int Entities);

    public sealed record Edge(string From, string To, string Amount, string AmountDecimal, string? ValueUsd, string? ValueEur, DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen);
}
