using System.Runtime.CompilerServices;

namespace Cairn.Tracing.Tracing;

/// <summary>
/// The transactions a trace still has to process, taken in id order (forward) or reverse id order
/// (backward): a binary min-heap of plain <c>uint</c> keys, the id itself forward and its complement
/// backward. It replaces a <c>PriorityQueue&lt;uint, long&gt;</c> whose priority was the id (or its
/// negation): every id is queued at most once, so no two priorities tie and the order taken is the
/// same. Why not the framework's queue: a generic over value types from this assembly is compiled in
/// the process, starting in the tiered JIT's first tier, and the trace's first hundred runs in a fresh
/// process spent their time there (issue 19, session 12); this heap is compiled optimised at once.
/// </summary>
internal sealed class TransactionQueue
{
    private uint[] _heap = new uint[64];
    private bool _descending;

    public int Count { get; private set; }

    /// <summary>Empties the queue and sets the order the next run takes its transactions in.</summary>
    public void Reset(bool descending)
    {
        Count = 0;
        _descending = descending;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Enqueue(uint tx)
    {
        if (Count == _heap.Length) Array.Resize(ref _heap, 2 * _heap.Length);
        var heap = _heap;
        var key = _descending ? ~tx : tx;
        var at = Count++;
        while (at > 0)
        {
            var parent = (at - 1) >> 1;
            if (heap[parent] <= key) break;
            heap[at] = heap[parent];
            at = parent;
        }
        heap[at] = key;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryDequeue(out uint tx)
    {
        if (Count == 0)
        {
            tx = 0;
            return false;
        }
        var heap = _heap;
        var top = heap[0];
        var count = --Count;
        if (count > 0)
        {
            // Sift the last key down from the root.
            var key = heap[count];
            var at = 0;
            while (true)
            {
                var child = 2 * at + 1;
                if (child >= count) break;
                if (child + 1 < count && heap[child + 1] < heap[child]) child++;
                if (key <= heap[child]) break;
                heap[at] = heap[child];
                at = child;
            }
            heap[at] = key;
        }
        tx = _descending ? ~top : top;
        return true;
    }
}
