using System.Runtime.CompilerServices;

namespace Cairn.Tracing.Clustering;

/// <summary>
/// The 32-bit per-address entry of the union-find and of <see cref="AddressClusters"/> (address ids
/// are below 2^31, as arrays are): 0 for an address alone in its cluster; parent + 1 (while
/// clustering) or cluster id + 1 (once finished) for any other member but the cluster's id;
/// <see cref="RootFlag"/> | (member count − 1) for the id of a cluster with two or more members.
/// </summary>
internal static class ClusterEntry
{
    public const uint RootFlag = 0x8000_0000;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsRoot(uint entry) => entry - 1 >= RootFlag - 1; // entry == 0 || entry >= RootFlag in one unsigned compare (0 - 1 wraps)

    /// <summary>A root's member count less one (0 for an address alone; meaningless for a non-root).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint ExtraMembers(uint entry) => entry & ~RootFlag;
}
