using Cairn.Tracing.Attribution;

namespace Cairn.Workspace.Tracing;

/// <summary>The multi-input cluster of an address: its id and size, the attribution of the cluster (or the address), and one page of its addresses.</summary>
public sealed record ClusterView(uint ClusterId, long Size, string Heuristic, IReadOnlyList<ActorAttribution> Tags, long Offset, int Limit, IReadOnlyList<string> Addresses, long? NextOffset);
