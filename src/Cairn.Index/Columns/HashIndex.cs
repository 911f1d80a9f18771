using System.Numerics;
using System.Runtime.CompilerServices;

namespace Cairn.Index.Columns;

/// <summary>
/// A persistent open-addressing hash table from a key (held elsewhere, in a column) to its
/// dense id. Each 8-byte slot packs a 32-bit fingerprint of the key's hash with id+1 (0 marks
/// an empty slot), so most probes are settled without touching the key column. Linear
/// probing. The capacity is always exactly <see cref="CapacityFor"/>(key count) and keys are
/// inserted in ascending id order, so a table rebuilt after a crash is byte-identical to one
/// that was never interrupted.
/// </summary>
public sealed class HashIndex : IDisposable
{
    private const long MinimumCapacity = 1024;
    private readonly string _path;
    private readonly Func<uint, ulong> _hashOfId;
    private MappedColumn<ulong> _slots;

    private HashIndex(string path, MappedColumn<ulong> slots, long keyCount, Func<uint, ulong> hashOfId)
    {
        _path = path;
        _slots = slots;
        KeyCount = keyCount;
        _hashOfId = hashOfId;
    }

    public long Capacity => _slots.Count;

    public long KeyCount { get; private set; }

    /// <summary>Smallest power of two keeping the load factor at or below 0.7.</summary>
    public static long CapacityFor(long keys) =>
        (long)BitOperations.RoundUpToPowerOf2((ulong)Math.Max(MinimumCapacity, (keys * 10 + 6) / 7));

    /// <summary>Opens an existing table holding <paramref name="keyCount"/> keys.</summary>
    public static HashIndex Open(string path, long keyCount, bool writable, Func<uint, ulong> hashOfId) =>
        new(path, MappedColumn<ulong>.Open(path, CapacityFor(keyCount), writable), keyCount, hashOfId);

    /// <summary>Builds the table afresh from ids 0..keys-1 (first build, crash recovery).</summary>
    public static HashIndex Rebuild(string path, long keys, Func<uint, ulong> hashOfId)
    {
        ArgumentNullException.ThrowIfNull(hashOfId);
        var slots = CreateEmpty(path, CapacityFor(keys));
        var index = new HashIndex(path, slots, 0, hashOfId);
        for (uint id = 0; id < keys; id++) index.Place(hashOfId(id), id);
        index.KeyCount = keys;
        return index;
    }

    private static MappedColumn<ulong> CreateEmpty(string path, long capacity)
    {
        if (File.Exists(path)) File.Delete(path);
        var slots = MappedColumn<ulong>.Open(path, 0, writable: true);
        slots.Reserve(capacity);
        for (long i = 0; i < capacity; i++) slots.Append(0);
        return slots;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Fingerprint(ulong hash) => (uint)(hash >> 32);

    /// <summary>Finds the id whose key matches; when several match (duplicate txids, BIP30) the highest id wins.</summary>
    public bool TryFind<TMatcher>(ulong hash, ref TMatcher matcher, out uint id) where TMatcher : struct, IKeyMatcher
    {
        var mask = (ulong)_slots.Count - 1;
        var slot = hash & mask;
        var fingerprint = Fingerprint(hash);
        var found = false;
        id = 0;
        while (true)
        {
            var entry = _slots[(long)slot];
            if (entry == 0) return found;
            if ((uint)(entry >> 32) == fingerprint)
            {
                var candidate = (uint)entry - 1;
                if ((!found || candidate > id) && matcher.Matches(candidate))
                {
                    id = candidate;
                    found = true;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Adds the key of <paramref name="id"/>, which must be the next id (ascending order).</summary>
    public void Insert(ulong hash, uint id)
    {
        if (CapacityFor(KeyCount + 1) > _slots.Count) Grow(KeyCount + 1);
        Place(hash, id);
        KeyCount++;
    }

    private void Place(ulong hash, uint id)
    {
        var mask = (ulong)_slots.Count - 1;
        var slot = hash & mask;
        while (_slots[(long)slot] != 0) slot = (slot + 1) & mask;
        _slots.Set((long)slot, ((ulong)Fingerprint(hash) << 32) | (id + 1UL));
    }

    /// <summary>
    /// Removes every id at or above <paramref name="firstRemovedId"/> (rollback of blocks that left
    /// the best chain). Rebuilding keeps the table canonical; reorganisations are rare and shallow.
    /// </summary>
    public void TruncateTo(uint firstRemovedId)
    {
        if (firstRemovedId >= KeyCount) return;
        _slots.Dispose();
        var rebuilt = Rebuild(_path, firstRemovedId, _hashOfId);
        _slots = rebuilt._slots;
        KeyCount = firstRemovedId;
    }

    private void Grow(long keys)
    {
        var tmp = _path + ".grow";
        var slots = CreateEmpty(tmp, CapacityFor(keys));
        var grown = new HashIndex(tmp, slots, 0, _hashOfId);
        for (uint id = 0; id < KeyCount; id++) grown.Place(_hashOfId(id), id);
        _slots.Dispose();
        slots.Dispose();
        File.Move(tmp, _path, overwrite: true);
        _slots = MappedColumn<ulong>.Open(_path, CapacityFor(keys), writable: true);
    }

    public void Flush() => _slots.Flush();

    public void Dispose() => _slots.Dispose();
}
