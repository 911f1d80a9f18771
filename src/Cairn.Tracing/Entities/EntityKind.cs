namespace Cairn.Tracing.Entities;

/// <summary>
/// What an entity of a trace is, strongest first: a known service or actor (from attribution),
/// else a multi-input cluster of more than one address (common-input ownership), else one address.
/// </summary>
public enum EntityKind
{
    Actor,
    Cluster,
    Address,
}
