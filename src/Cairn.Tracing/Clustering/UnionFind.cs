using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Cairn.Tracing.Clustering;

/// <summary>
/// Disjoint sets over dense ids 0..n-1 (n &lt; 2^31) with path halving (Tarjan &amp; van Leeuwen
/// 1984), linking the larger root under the smaller. Linking by id rather than by size keeps the
/// invariant parent[x] ≤ x, so every root is its set's smallest id (the stable cluster id) without
/// a relabelling pass. Union by size was tried: its extra pass to find each set's smallest member
/// cost more than its shallower trees saved (co-spends mostly attach fresh addresses to an
/// existing root, so trees stay shallow anyway).
/// <para>
/// One 32-bit entry per id (<see cref="ClusterEntry"/>): 0 for a root alone in its set, parent + 1
/// for a non-root, and <see cref="ClusterEntry.RootFlag"/> | (member count − 1) for a root with
/// others. All zeros at the start, so no initialising pass over every address, and the set count is
/// the id count less the links made. Parent and count share the entry (they were two arrays)
/// because a link reads and writes the counts of the two roots it joins, whose entries the finds
/// before it have just loaded; with a separate count array each was one more random cache miss
/// (the link was half the clustering time on the 1 M chain, issue 19).
/// </para>
/// </summary>
internal sealed class UnionFind
{
    private const int FinishBlock = 256;

    private readonly uint[] _entries;
    private long _links;

    public UnionFind(long count)
    {
        _entries = new uint[count];
        // Write one entry per 4 KiB page, in order, before the random accesses: a fresh page read first is
        // mapped to the shared zero page and faults a second time when written (copy on write); touched
        // here by a write, each page faults once, and in order.
        for (long i = 0; i < count; i += 4096 / sizeof(uint)) _entries[i] = 0;
    }

    /// <summary>The root of <paramref name="a"/>'s set; inlined for the common case of a root (most addresses are).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Find(uint a) => ClusterEntry.IsRoot(_entries[a]) ? a : FindFromChild(a);

    private uint FindFromChild(uint a)
    {
        var entries = _entries;
        while (true)
        {
            var entry = entries[a];
            if (ClusterEntry.IsRoot(entry)) return a;
            var parent = entry - 1;
            var grandparentEntry = entries[parent];
            if (ClusterEntry.IsRoot(grandparentEntry)) return parent;
            entries[a] = grandparentEntry; // path halving: a now points at its grandparent (the entry is grandparent + 1)
            a = grandparentEntry - 1;
        }
    }

    /// <summary>Joins two different roots; returns the smaller, now the root of both.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Link(uint rootA, uint rootB)
    {
        var (winner, loser) = rootA < rootB ? (rootA, rootB) : (rootB, rootA);
        var entries = _entries;
        entries[winner] = ClusterEntry.RootFlag | (ClusterEntry.ExtraMembers(entries[winner]) + ClusterEntry.ExtraMembers(entries[loser]) + 1);
        entries[loser] = winner + 1;
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
    /// Asks the CPU to start loading <paramref name="a"/>'s entry (a hint: nothing is read, and it is
    /// a no-op where SSE is missing). The co-spend loop issues these a batch ahead, so that the random
    /// loads of many inputs overlap instead of each waiting for the one before.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(uint a)
    {
        if (Sse.IsSupported) Sse.Prefetch0(Unsafe.AsPointer(ref _entries[a]));
    }

    /// <summary>
    /// Ends the structure: afterwards every non-root's entry is its root + 1 (roots unchanged), and
    /// the number of sets. One ascending pass suffices because parent[x] ≤ x: a's parent already
    /// points at its root; only entries whose parent is not a root are written. The array is handed over.
    /// The pass goes a block at a time: first it prefetches the parent entries of the block's
    /// non-roots (random reads, anywhere before), then resolves them in order, so that the loads overlap.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called once per build: never hot long enough for the tiered JIT to optimise it
    public (uint[] Entries, long Clusters) Finish()
    {
        var entries = _entries;
        Span<int> children = stackalloc int[FinishBlock];
        for (var start = 0; start < entries.Length; start += FinishBlock)
        {
            var end = Math.Min(entries.Length, start + FinishBlock);
            // Without branches: roots and non-roots alternate at random, and a mispredicted branch per
            // address cost more than the rest of the pass.
            var count = 0;
            var a = start;
            // Most addresses are roots: eight at a time, skip a run of roots (entry − 1 has its sign bit set for
            // a root; RootFlag alone, which would not, never occurs: a root with no other member has entry 0).
            for (; Vector256.IsHardwareAccelerated && a + Vector256<uint>.Count <= end; a += Vector256<uint>.Count)
            {
                var rootBits = (Vector256.LoadUnsafe(ref entries[a]) - Vector256<uint>.One).ExtractMostSignificantBits();
                if (rootBits == (1u << Vector256<uint>.Count) - 1) continue;
                for (var i = 0; i < Vector256<uint>.Count; i++)
                {
                    children[count] = a + i;
                    count += (int)(~rootBits >> i) & 1;
                }
            }
            for (; a < end; a++)
            {
                children[count] = a;
                count += ClusterEntry.IsRoot(entries[a]) ? 0 : 1;
            }
            foreach (var child in children[..count]) Prefetch(entries[child] - 1);
            foreach (var child in children[..count])
            {
                // Read now, not in the first loop: a parent inside this block may have been rewritten since.
                var entry = entries[child];
                var parentEntry = entries[entry - 1];
                entries[child] = ClusterEntry.IsRoot(parentEntry) ? entry : parentEntry;
            }
        }
        return (entries, entries.LongLength - _links);
    }
}
