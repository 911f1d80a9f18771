using System.Runtime.CompilerServices;

namespace Cairn.Tracing.Tracing;

/// <summary>
/// Numbers the ids a trace meets (outputs, transactions) 0, 1, 2, … in the order first met, so that
/// everything the trace keeps per id lives in plain arrays indexed by that number. Open addressing
/// with linear probing over a power-of-two table, at most half full; ids are any uint.
/// One lookup per id met replaces the several dictionary lookups per output of the earlier trace.
/// </summary>
internal sealed class DenseIdMap
{
    private uint[] _keys;
    /// <summary>Slot number + 1 per table entry; 0 marks an empty entry.</summary>
    private int[] _slots;
    private int _mask;

    public DenseIdMap(int capacity = 64)
    {
        var size = 16;
        while (size < 2 * capacity) size *= 2;
        _keys = new uint[size];
        _slots = new int[size];
        _mask = size - 1;
    }

    /// <summary>How many ids have a number (the next id added gets this one).</summary>
    public int Count { get; private set; }

    /// <summary>The number of <paramref name="id"/>, or -1 when it has none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(uint id)
    {
        var at = Hash(id) & _mask;
        while (true)
        {
            var slot = _slots[at];
            if (slot == 0) return -1;
            if (_keys[at] == id) return slot - 1;
            at = (at + 1) & _mask;
        }
    }

    /// <summary>The number of <paramref name="id"/>, giving it the next one when it has none (<paramref name="added"/> then true).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int GetOrAdd(uint id, out bool added)
    {
        var at = Hash(id) & _mask;
        while (true)
        {
            var slot = _slots[at];
            if (slot == 0) break;
            if (_keys[at] == id)
            {
                added = false;
                return slot - 1;
            }
            at = (at + 1) & _mask;
        }
        added = true;
        _keys[at] = id;
        _slots[at] = ++Count;
        if (2 * Count > _slots.Length) Grow();
        return Count - 1;
    }

    /// <summary>Entries in the table (twice the ids it holds before it grows, at least).</summary>
    public int TableSize => _slots.Length;

    /// <summary>Forgets every id, keeping the table (for the next trace on this thread, <see cref="TraceWorkspace"/>).</summary>
    public void Clear()
    {
        Array.Clear(_slots); // keys under an empty slot are never read
        Count = 0;
    }

    /// <summary>Fibonacci hashing: the high bits of id × 2^32/φ spread consecutive ids over the table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(uint id) => (int)((id * 2654435769u) >> 7);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Grow()
    {
        var (keys, slots) = (_keys, _slots);
        _keys = new uint[keys.Length * 2];
        _slots = new int[slots.Length * 2];
        _mask = _slots.Length - 1;
        for (var i = 0; i < slots.Length; i++)
        {
            if (slots[i] == 0) continue;
            var at = Hash(keys[i]) & _mask;
            while (_slots[at] != 0) at = (at + 1) & _mask;
            _keys[at] = keys[i];
            _slots[at] = slots[i];
        }
    }
}
