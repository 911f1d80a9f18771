using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Cairn.Tracing.Clustering;

/// <summary>
/// Disjoint sets over dense ids 0..n-1 with path halving (Tarjan &amp; van Leeuwen 1984), linking
/// the larger root under the smaller. Linking by id rather than by size keeps the invariant
/// parent[x] ≤ x, so every root is its set's smallest id (the stable cluster id) without a
/// relabelling pass. Union by size was tried: its extra pass to find each set's smallest member
/// cost more than its shallower trees saved (co-spends mostly attach fresh addresses to an
/// existing root, so trees stay shallow anyway).
/// <para>
/// Both arrays start as all zeros, so neither needs an initialising pass over every address (the
/// runtime hands out zeroed pages; for tens of millions of addresses that pass cost about as much
/// as the co-spend loop): <c>_up[x]</c> is 0 for a root and parent + 1 otherwise, and
/// <c>_extra[r]</c> is a root's member count less one (kept at each link, 0 for every non-root).
/// The set count is the id count less the links made, so no counting pass either.
/// </para>
/// </summary>
internal sealed class UnionFind
{
    private readonly uint[] _up;
    private readonly uint[] _extra;
    private long _links;

    public UnionFind(long count)
    {
        _up = new uint[count];
        _extra = new uint[count];
    }

    /// <summary>The root of <paramref name="a"/>'s set; inlined for the common case of a root (most addresses are).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Find(uint a) => _up[a] == 0 ? a : FindFromChild(a);

    private uint FindFromChild(uint a)
    {
        var up = _up;
        while (true)
        {
            var parent = up[a];
            if (parent == 0) return a;
            var grandparent = up[parent - 1];
            if (grandparent == 0) return parent - 1;
            up[a] = grandparent; // path halving: a now points at its grandparent
            a = grandparent - 1;
        }
    }

    /// <summary>Joins two different roots; returns the smaller, now the root of both.</summary>
    public uint Link(uint rootA, uint rootB)
    {
        var (winner, loser) = rootA < rootB ? (rootA, rootB) : (rootB, rootA);
        _up[loser] = winner + 1;
        _extra[winner] += _extra[loser] + 1;
        _extra[loser] = 0;
        _links++;
        return winner;
    }

    public void Union(uint a, uint b)
    {
        var rootA = Find(a);
        var rootB = Find(b);
        if (rootA != rootB) Link(rootA, rootB);
    }

    /// <summary>
    /// Asks the CPU to start loading <paramref name="a"/>'s parent entry (a hint: nothing is read,
    /// and it is a no-op where SSE is missing). The co-spend loop issues these a batch ahead, so
    /// that the random loads of many inputs overlap instead of each waiting for the one before.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(uint a)
    {
        if (Sse.IsSupported) Sse.Prefetch0(Unsafe.AsPointer(ref _up[a]));
    }

    /// <summary>
    /// Ends the structure: per id, the smallest id in its set (the cluster id); per id, its set's
    /// member count less one when it is a root and 0 otherwise; and the number of sets. One
    /// ascending pass suffices because parent[x] ≤ x: a's parent already holds its root. Both
    /// arrays are handed over.
    /// </summary>
    public (uint[] ClusterOf, uint[] ExtraMembers, long Clusters) Finish()
    {
        var up = _up;
        for (var a = 0; a < up.Length; a++)
        {
            var parent = up[a];
            up[a] = parent == 0 ? (uint)a : up[parent - 1];
        }
        return (up, _extra, up.LongLength - _links);
    }
}
