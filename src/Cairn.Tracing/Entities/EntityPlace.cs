using Cairn.Tracing.Attribution;

namespace Cairn.Tracing.Entities;

/// <summary>
/// An address (or, for outputs without one, the output) as entity grouping sees it: its
/// multi-input cluster with the cluster's size, the attribution that reached it and whether it is
/// on a sanctions list. <see cref="Key"/> is what identifies it (the address, else the output).
/// </summary>
public sealed record EntityPlace(string Key, string? Address, uint? ClusterId, long ClusterSize, ActorAttribution? Attribution, bool Sanctioned)
{
    /// <summary>The entity this place belongs to: the actor, else its cluster when it has other members, else itself.</summary>
    public string EntityId => Attribution is { } actor ? "actor:" + actor.ActorId
        : ClusterId is { } cluster && ClusterSize > 1 ? "cluster:" + cluster.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : "address:" + Key;

    public EntityKind Kind => Attribution is not null ? EntityKind.Actor : ClusterId is not null && ClusterSize > 1 ? EntityKind.Cluster : EntityKind.Address;
}
