using System.Numerics;
using System.Runtime.CompilerServices;

namespace Cairn.Index.Columns;

/// <summary>
/// A persistent open-addressing hash table from a key (held elsewhere, in a column) to its
/// dense id. Each 4-byte slot holds id+1 in its low <c>b</c> bits, where 2^b is the smallest
/// power of two at or above the capacity (ids stay below the capacity), and the same upper
/// bits of the key's hash above them as a fingerprint (0 marks an empty slot), so most probes
/// are settled without touching the key column. The home slot comes from the hash's high bits
/// (multiply-shift range reduction, Lemire 2019), linear probing from there.
/// <para>
/// The canonical capacity is <see cref="CapacityFor"/>(key count), and keys are inserted in
/// ascending id order, so a table rebuilt after a crash is byte-identical to one that was
/// never interrupted. A writer may pre-size a table beyond that (<see cref="Reserve"/>) to
/// skip the growth steps during a long ingest; the capacity is then read from the file's
/// length, and <see cref="Canonicalize"/> brings the table back to its canonical size.
/// </para>
/// </summary>
public sealed class HashIndex : IDisposable
{
    private const long MinimumCapacity = 1024;
    private const int SlotBytes = sizeof(uint);
    private readonly string _path;
    private readonly bool _writable;
    private readonly Func<uint, ulong> _hashOfId;
    private MappedColumn<uint> _slots;
    private ulong _capacity;
    private uint _idMask;
    private long _maxKeys;

    private HashIndex(string path, MappedColumn<uint> slots, long keyCount, bool writable, Func<uint, ulong> hashOfId)
    {
        _path = path;
        _writable = writable;
        _hashOfId = hashOfId;
        _slots = slots;
        KeyCount = keyCount;
        SetCapacity(slots.Count);
    }

    public long Capacity => (long)_capacity;

    public long KeyCount { get; private set; }

    /// <summary>
    /// The canonical capacity: the smallest power of two, or five, six or seven eighths of one, keeping the load at or
    /// below 0.8 (format 3; format 2 knew only powers of two and three quarters). The finer steps keep a table between
    /// 0.64 and 0.8 full instead of 0.53 and 0.8: the 20 M-transaction chain's address table needs 168 M slots instead
    /// of 201 M.
    /// </summary>
    public static long CapacityFor(long keys)
    {
        var needed = Math.Max(MinimumCapacity, (keys * 5 + 3) / 4);
        var power = (long)BitOperations.RoundUpToPowerOf2((ulong)needed);
        for (var eighths = 5; eighths < 8; eighths++)
        {
            var step = power / 8 * eighths;
            if (step >= needed && step >= MinimumCapacity) return step;
        }
        return power;
    }

    private static bool IsCapacityStep(long capacity) =>
        capacity >= MinimumCapacity && (BitOperations.IsPow2(capacity)
            || (capacity % 5 == 0 && BitOperations.IsPow2(capacity / 5))
            || (capacity % 3 == 0 && BitOperations.IsPow2(capacity / 3))
            || (capacity % 7 == 0 && BitOperations.IsPow2(capacity / 7)));

    /// <summary>
    /// Opens an existing table holding <paramref name="keyCount"/> keys; its capacity is the
    /// file's length (a pre-sized table may be larger than the canonical one).
    /// </summary>
    public static HashIndex Open(string path, long keyCount, bool writable, Func<uint, ulong> hashOfId)
    {
        var length = File.Exists(path) ? new FileInfo(path).Length : -1;
        var capacity = length / SlotBytes;
        if (length % SlotBytes != 0 || !IsCapacityStep(capacity) || capacity < CapacityFor(keyCount))
            throw new InvalidDataException($"hash table {path} holds {length} bytes, which is no table for {keyCount} keys: the index is damaged, delete it and ingest again");
        // A writer holds the slots in memory: inserts land at random places (see MappedColumn).
        return new(path, MappedColumn<uint>.Open(path, capacity, writable, heldInMemory: true), keyCount, writable, hashOfId);
    }

    /// <summary>Builds the table afresh from ids 0..keys-1 at its canonical capacity (first build, crash recovery).</summary>
    public static HashIndex Rebuild(string path, long keys, Func<uint, ulong> hashOfId)
    {
        ArgumentNullException.ThrowIfNull(hashOfId);
        var index = Build(path, CapacityFor(keys), keys, hashOfId);
        return index;
    }

    /// <summary>Builds ids 0..keys-1 into a table of <paramref name="capacity"/> slots written beside <paramref name="path"/>, then moves it into place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static HashIndex Build(string path, long capacity, long keys, Func<uint, ulong> hashOfId)
    {
        var temp = path + ".build";
        if (File.Exists(temp)) File.Delete(temp);
        var slots = MappedColumn<uint>.CreateInMemory(temp, capacity);
        var index = new HashIndex(temp, slots, 0, writable: true, hashOfId);
        // Keys go to random slots: each one's slot is prefetched a few keys ahead so the misses overlap.
        const int ahead = 16;
        Span<ulong> hashes = stackalloc ulong[ahead];
        for (uint id = 0; id < keys && id < ahead; id++) index.Prefetch(hashes[(int)id] = hashOfId(id));
        for (uint id = 0; id < keys; id++)
        {
            var hash = hashes[(int)(id % ahead)];
            if (id + ahead < keys) index.Prefetch(hashes[(int)(id % ahead)] = hashOfId(id + ahead));
            index.Place(hash, id);
        }
        slots.Flush();
        // The rename is atomic: a reader or a killed writer sees the old table or the new one. The slots stay in
        // memory under the new name rather than being read back.
        slots.MoveTo(path);
        return new HashIndex(path, slots, keys, writable: true, hashOfId);
    }

    private void SetCapacity(long capacity)
    {
        _capacity = (ulong)capacity;
        // CapacityFor(k) <= capacity exactly when 5k <= 4 * capacity (capacity is itself a step).
        _maxKeys = capacity * 4 / 5;
        var bits = capacity <= 1 ? 1 : Math.Min(32, 64 - BitOperations.LeadingZeroCount((ulong)capacity - 1));
        _idMask = bits == 32 ? uint.MaxValue : (1u << bits) - 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Home(ulong hash) => Math.BigMul(hash, _capacity, out _);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Next(ulong slot) => slot + 1 == _capacity ? 0 : slot + 1;

    /// <summary>Finds the id whose key matches; when several match (duplicate txids, BIP30) the highest id wins.</summary>
    public bool TryFind<TMatcher>(ulong hash, ref TMatcher matcher, out uint id) where TMatcher : struct, IKeyMatcher =>
        Probe(hash, ref matcher, uint.MaxValue, out id, out _);

    /// <summary>
    /// As <see cref="TryFind"/>, among the ids below <paramref name="limit"/> only: the answer the table gave
    /// when it held just those ids, so an ingest may insert a block's keys before it looks up the block's inputs.
    /// </summary>
    public bool TryFindBelow<TMatcher>(ulong hash, ref TMatcher matcher, uint limit, out uint id) where TMatcher : struct, IKeyMatcher =>
        Probe(hash, ref matcher, limit, out id, out _);

    /// <summary>Starts loading the key's home slot into the cache (see <see cref="MappedColumn{T}.Prefetch"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prefetch(ulong hash) => _slots.Prefetch((long)Home(hash));

    /// <summary>
    /// The id in the first slot of the key's probe sequence whose fingerprint matches, or -1 when an empty
    /// slot comes first; the key column is not read, so the id is only a likely match, for prefetching its row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long FirstCandidate(ulong hash)
    {
        var slot = Home(hash);
        var fingerprint = (uint)hash & ~_idMask;
        while (true)
        {
            var entry = _slots[(long)slot];
            if (entry == 0) return -1;
            if ((entry & ~_idMask) == fingerprint) return (entry & _idMask) - 1;
            slot = Next(slot);
        }
    }

    /// <summary>
    /// Looks the key up and, when it is absent, adds it under <paramref name="newId"/> (which
    /// must be the next id) in the same probe. Returns true when it was found.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool FindOrAdd<TMatcher>(ulong hash, ref TMatcher matcher, uint newId, out uint id) where TMatcher : struct, IKeyMatcher
    {
        if (KeyCount + 1 > _maxKeys) Grow(KeyCount + 1);
        if (Probe(hash, ref matcher, uint.MaxValue, out id, out var empty)) return true;
        _slots.Set((long)empty, (uint)hash & ~_idMask | (newId + 1));
        KeyCount++;
        id = newId;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Probe<TMatcher>(ulong hash, ref TMatcher matcher, uint limit, out uint id, out ulong empty) where TMatcher : struct, IKeyMatcher
    {
        var slot = Home(hash);
        var fingerprint = (uint)hash & ~_idMask;
        var found = false;
        id = 0;
        while (true)
        {
            var entry = _slots[(long)slot];
            if (entry == 0)
            {
                empty = slot;
                return found;
            }
            if ((entry & ~_idMask) == fingerprint)
            {
                var candidate = (entry & _idMask) - 1;
                if (candidate < limit && (!found || candidate > id) && matcher.Matches(candidate))
                {
                    id = candidate;
                    found = true;
                }
            }
            slot = Next(slot);
        }
    }

    /// <summary>Adds the key of <paramref name="id"/>, which must be the next id (ascending order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Insert(ulong hash, uint id)
    {
        if (KeyCount + 1 > _maxKeys) Grow(KeyCount + 1);
        Place(hash, id);
        KeyCount++;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Place(ulong hash, uint id)
    {
        var slot = Home(hash);
        while (_slots[(long)slot] != 0) slot = Next(slot);
        _slots.Set((long)slot, (uint)hash & ~_idMask | (id + 1));
    }

    /// <summary>
    /// Grows the table at once to the capacity <paramref name="keys"/> will need, so that a long
    /// ingest rehashes once instead of at every growth step. Call <see cref="Canonicalize"/>
    /// before handing the table to a reader that expects the canonical size.
    /// </summary>
    public void Reserve(long keys)
    {
        if (CapacityFor(keys) > Capacity) Grow(keys);
    }

    /// <summary>True when the table has its canonical capacity for the keys it holds.</summary>
    public bool IsCanonical => Capacity == CapacityFor(KeyCount);

    /// <summary>Rebuilds a pre-sized table at its canonical capacity (nothing to do when it already is).</summary>
    public void Canonicalize()
    {
        if (IsCanonical) return;
        Replace(CapacityFor(KeyCount), KeyCount);
    }

    /// <summary>
    /// Removes every id at or above <paramref name="firstRemovedId"/> (rollback of blocks that left
    /// the best chain). Rebuilding keeps the table canonical; reorganisations are rare and shallow.
    /// </summary>
    public void TruncateTo(uint firstRemovedId)
    {
        if (firstRemovedId >= KeyCount) return;
        Replace(CapacityFor(firstRemovedId), firstRemovedId);
    }

    private void Grow(long keys) => Replace(CapacityFor(keys), KeyCount);

    private void Replace(long capacity, long keys)
    {
        if (!_writable) throw new InvalidOperationException($"hash table {_path} is read-only");
        _slots.Dispose();
        var rebuilt = Build(_path, capacity, keys, _hashOfId);
        _slots = rebuilt._slots;
        KeyCount = keys;
        SetCapacity(capacity);
    }

    public void Flush() => _slots.Flush();

    public void Dispose() => _slots.Dispose();
}
