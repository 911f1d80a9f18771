namespace Cairn.Workspace.Tracing;

/// <summary>
/// What the graph of a saved trace is drawn from (stored once with the trace): every entity (compact),
/// every address of every entity, and the traced value between addresses with its time span and fiat values.
/// <see cref="GraphFolding"/> turns it into the nodes and edges a view asks for.
/// </summary>
public sealed record TraceGraphData(string Asset, int Decimals, IReadOnlyList<TraceGraphData.Entity> Entities, IReadOnlyList<TraceGraphData.Member> Members, IReadOnlyList<TraceGraphData.Flow> Flows)
{
    public sealed record Entity(string Id, string Kind, string Label, string? Category, IReadOnlyList<string> Jurisdictions, string Amount, string Received,
        string? ValueUsd, string? ValueEur, DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen, bool Sanctioned, bool Seed, int Addresses, int Endpoints);

    public sealed record Member(string Key, string EntityId, string Amount, bool Sanctioned, bool Seed);

    public sealed record Flow(string From, string To, string Amount, DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen, string? ValueUsd, string? ValueEur);
}
