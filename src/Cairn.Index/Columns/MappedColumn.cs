using System.IO.MemoryMappedFiles;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Cairn.Index.Columns;

/// <summary>
/// An append-only column of fixed-width values in a memory-mapped file, addressed by dense
/// integer id (BlockSci-style; see docs/chain-index.md). The file is over-allocated while a
/// writer appends (so appends are plain stores into mapped memory) and cut to exactly
/// <see cref="Count"/> values when the column is closed, which keeps a cleanly closed index
/// byte-identical however it was built.
/// Values below <see cref="Count"/> may be overwritten in place (e.g. the spending-tx link
/// of an output, filled when a later input spends it).
/// <para>
/// A writer may hold a column in memory instead (<c>heldInMemory</c>): read from the file when
/// opened, written back whole by <see cref="Flush"/> and <see cref="Dispose"/>. That is for the
/// columns written at random places during an ingest: mapped, every page they dirty is written
/// back by the kernel every half minute and faults again on the next store, which on the 5 M
/// transaction bench wrote several times the index's size (docs/benchmarks.md, "Ingest I/O").
/// </para>
/// </summary>
public sealed unsafe class MappedColumn<T> : IFlushableColumn, IDisposable where T : unmanaged
{
    private const long GrowthQuantumBytes = 16L << 20;

    private string _path;
    private readonly bool _writable;
    private readonly bool _inMemory;
    private bool _changed;
    private FileStream? _file;
    private MemoryMappedFile? _map;
    private MemoryMappedViewAccessor? _view;
    private byte* _base;
    private long _capacity;

    private MappedColumn(string path, bool writable, bool inMemory = false)
    {
        _path = path;
        _writable = writable;
        _inMemory = inMemory;
    }

    /// <summary>Number of values that belong to the column (the committed length).</summary>
    public long Count { get; private set; }

    public string Path => _path;

    /// <summary>
    /// Opens (creating if needed) a column whose committed length is <paramref name="count"/>.
    /// Anything the file holds past that length is an uncommitted tail from an interrupted
    /// writer and is discarded.
    /// </summary>
    public static MappedColumn<T> Open(string path, long count, bool writable, bool heldInMemory = false)
    {
        var column = new MappedColumn<T>(path, writable, heldInMemory && writable);
        column.OpenFile(count);
        return column;
    }

    /// <summary>
    /// Creates (or empties) the file and holds <paramref name="count"/> zero values in memory for a writer, without
    /// reading the file: for a table built afresh and written out once.
    /// </summary>
    public static MappedColumn<T> CreateInMemory(string path, long count)
    {
        var column = new MappedColumn<T>(path, writable: true, inMemory: true);
        column._file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.RandomAccess);
        column.Allocate(count);
        column.Count = count;
        column._changed = true;
        return column;
    }

    /// <summary>
    /// Opens a committed column for reading only. An empty column needs no file (a writer that
    /// never appended to it may not have created one); a file shorter than the committed rows
    /// means the index is damaged.
    /// </summary>
    public static MappedColumn<T> OpenReadOnly(string path, long count)
    {
        var column = new MappedColumn<T>(path, writable: false);
        if (count == 0) return column;
        if (!File.Exists(path) || new FileInfo(path).Length < count * sizeof(T))
            throw new InvalidDataException($"index column {path} is shorter than its {count} committed rows: the index is damaged, delete it and ingest again");
        column.OpenFile(count);
        return column;
    }

    private void OpenFile(long count)
    {
        var mode = _writable ? FileMode.OpenOrCreate : FileMode.Open;
        var access = _writable ? FileAccess.ReadWrite : FileAccess.Read;
        _file = new FileStream(_path, mode, access, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.RandomAccess);
        var needed = count * sizeof(T);
        if (_file.Length < needed)
            throw new InvalidDataException($"index column {_path} holds {_file.Length} bytes but the index claims {needed}");
        Count = count;
        if (_writable && _file.Length != needed) _file.SetLength(needed);
        if (_inMemory)
        {
            Allocate(count);
            for (long offset = 0; offset < needed;)
            {
                var read = RandomAccess.Read(_file.SafeFileHandle, new Span<byte>(_base + offset, (int)Math.Min(needed - offset, 1 << 30)), offset);
                if (read == 0) throw new InvalidDataException($"index column {_path} ended at byte {offset} of {needed}");
                offset += read;
            }
            return;
        }
        Map(Math.Max(needed, _file.Length));
    }

    private void Allocate(long values)
    {
        _capacity = Math.Max(values, 1);
        _base = HugePageMemory.AllocateZeroed((nuint)(_capacity * sizeof(T)));
    }

    /// <summary>Writes the values held in memory to the file, which then holds exactly <see cref="Count"/> of them.</summary>
    private void WriteOut()
    {
        var bytes = Count * sizeof(T);
        for (long offset = 0; offset < bytes;)
        {
            var chunk = (int)Math.Min(bytes - offset, 1 << 30);
            RandomAccess.Write(_file!.SafeFileHandle, new ReadOnlySpan<byte>(_base + offset, chunk), offset);
            offset += chunk;
        }
        _file!.SetLength(bytes);
        _changed = false;
    }

    private void Map(long bytes)
    {
        Unmap();
        _capacity = bytes / sizeof(T);
        if (bytes == 0) return;
        var access = _writable ? MemoryMappedFileAccess.ReadWrite : MemoryMappedFileAccess.Read;
        _map = MemoryMappedFile.CreateFromFile(_file!, null, bytes, access, HandleInheritability.None, leaveOpen: true);
        _view = _map.CreateViewAccessor(0, bytes, access);
        byte* pointer = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _base = pointer + _view.PointerOffset;
    }

    private void Unmap()
    {
        if (_inMemory)
        {
            HugePageMemory.Free(_base, (nuint)(_capacity * sizeof(T)));
            _base = null;
            _capacity = 0;
            return;
        }
        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _view = null;
        }
        _map?.Dispose();
        _map = null;
        _base = null;
        _capacity = 0;
    }

    /// <summary>Read access by id; ids are not range-checked beyond a debug assert (hot path).</summary>
    public ref readonly T this[long id]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            System.Diagnostics.Debug.Assert((ulong)id < (ulong)Count);
            return ref ((T*)_base)[id];
        }
    }

    /// <summary>Read access by id, range-checked: for ids that callers hand in rather than the index's own loops.</summary>
    public ref readonly T At(long id)
    {
        if ((ulong)id >= (ulong)Count) throw new ArgumentOutOfRangeException(nameof(id));
        return ref ((T*)_base)[id];
    }

    /// <summary>Overwrites a committed or just-appended value (writers only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(long id, T value)
    {
        System.Diagnostics.Debug.Assert((ulong)id < (ulong)Count);
        ((T*)_base)[id] = value;
        _changed = true;
    }

    /// <summary>
    /// Asks the CPU to start loading the value's cache line (x86 PREFETCHT0; nothing elsewhere): the ingest
    /// issues these a few rows ahead of the random reads it is about to make, so their cache misses overlap
    /// instead of following one another.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prefetch(long id)
    {
        if (Sse.IsSupported) Sse.Prefetch0((T*)_base + id);
    }

    /// <summary>Direct read-only view of ids [start, start+length) for tight loops.</summary>
    public ReadOnlySpan<T> Slice(long start, int length)
    {
        if (length == 0) return [];
        if (start < 0 || length < 0 || start + length > Count) throw new ArgumentOutOfRangeException(nameof(start));
        return new ReadOnlySpan<T>((T*)_base + start, length);
    }

    /// <summary>All values as a span when the column is small enough (≤ 2^31-1 values).</summary>
    public ReadOnlySpan<T> AsSpan() => Slice(0, checked((int)Count));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Append(T value)
    {
        if (Count == _capacity) Grow(Count + 1);
        ((T*)_base)[Count] = value;
        _changed = true;
        return Count++;
    }

    /// <summary>
    /// Appends <paramref name="count"/> values that the caller writes into the returned span at once (its contents are
    /// undefined until then: rows cut off by a truncation may still be there), with one update of <see cref="Count"/>
    /// for a block's rows instead of one per value.
    /// </summary>
    public Span<T> AppendRange(int count)
    {
        if (Count + count > _capacity) Grow(Count + count);
        var rows = new Span<T>((T*)_base + Count, count);
        Count += count;
        _changed = true;
        return rows;
    }

    /// <summary>Makes room for <paramref name="additional"/> more appends without remapping.</summary>
    public void Reserve(long additional)
    {
        if (Count + additional > _capacity) Grow(Count + additional);
    }

    private void Grow(long minimumCount)
    {
        if (!_writable) throw new InvalidOperationException($"column {_path} is read-only");
        var bytes = Math.Max(minimumCount * sizeof(T), _capacity * sizeof(T) * 3 / 2);
        bytes = (bytes + GrowthQuantumBytes - 1) / GrowthQuantumBytes * GrowthQuantumBytes;
        if (_inMemory)
        {
            var capacity = bytes / sizeof(T);
            _base = HugePageMemory.Reallocate(_base, (nuint)(_capacity * sizeof(T)), (nuint)(capacity * sizeof(T)));
            _capacity = capacity;
            return;
        }
        Unmap();
        _file!.SetLength(bytes);
        Map(bytes);
    }

    /// <summary>Drops values from <paramref name="newCount"/> on (rollback of uncommitted or reorganised data).</summary>
    public void Truncate(long newCount)
    {
        if (newCount > Count) throw new ArgumentOutOfRangeException(nameof(newCount));
        Count = newCount;
        _changed = true;
    }

    /// <summary>Renames the column's file to <paramref name="path"/> (replacing any file there) and keeps the column open on it.</summary>
    public void MoveTo(string path)
    {
        File.Move(_path, path, overwrite: true);
        _path = path;
    }

    /// <summary>Flushes mapped pages to the file so a committed state survives an OS crash too.</summary>
    public void Flush()
    {
        if (_inMemory && _changed) WriteOut();
        _view?.Flush();
        _file?.Flush(flushToDisk: true);
    }

    public void Dispose()
    {
        // Held in memory, the values reach the file here, as a mapped column's pages would through the kernel.
        if (_inMemory && _changed && _file is not null) WriteOut();
        Unmap();
        if (_file is not null)
        {
            if (_writable) _file.SetLength(Count * sizeof(T));
            _file.Dispose();
            _file = null;
        }
    }
}
