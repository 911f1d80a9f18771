namespace Cairn.Cases.Traces;

/// <summary>
/// A part of a saved trace kept as its own row so it can be paged by the database: an endpoint, an
/// entity, an entity's member address, a heuristic, the summary or the graph data (<see cref="Kind"/>),
/// in report order (<see cref="Ordinal"/>), with the entity it belongs to, as JSON.
/// </summary>
public sealed record TraceItem(string Kind, long Ordinal, string? EntityId, string Body)
{
    public const string Summary = "summary";
    public const string Graph = "graph";
    public const string Entity = "entity";
    public const string Endpoint = "endpoint";
    public const string Member = "member";
    public const string Heuristic = "heuristic";
}
