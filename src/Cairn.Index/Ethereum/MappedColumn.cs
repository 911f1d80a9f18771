using System.IO.MemoryMappedFiles;
using System.Runtime.CompilerServices;

namespace Cairn.Index.Ethereum;

/// <summary>A read-only memory-mapped view of the first <see cref="Count"/> rows of a column file.</summary>
internal sealed unsafe class MappedColumn<T> : IDisposable where T : unmanaged
{
    private readonly MemoryMappedFile? _file;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly byte* _pointer;

    public MappedColumn(string path, long count)
    {
        Count = count;
        if (count == 0) return;
        var bytes = count * sizeof(T);
        if (!File.Exists(path) || new FileInfo(path).Length < bytes)
            throw new InvalidDataException($"index column {path} is shorter than its {count} committed rows: the index is damaged, delete it and ingest again");
        _file = MemoryMappedFile.CreateFromFile(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete), null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        _view = _file.CreateViewAccessor(0, bytes, MemoryMappedFileAccess.Read);
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref _pointer);
        _pointer += _view.PointerOffset;
    }

    public long Count { get; }

    public ref readonly T this[long index]
    {
        get
        {
            if ((ulong)index >= (ulong)Count) throw new ArgumentOutOfRangeException(nameof(index));
            return ref Unsafe.AsRef<T>(_pointer + index * sizeof(T));
        }
    }

    /// <summary>Rows [start, start + length) as a span (length must fit an int).</summary>
    public ReadOnlySpan<T> Slice(long start, int length)
    {
        if (length == 0) return [];
        if (start < 0 || start + length > Count) throw new ArgumentOutOfRangeException(nameof(start));
        return new ReadOnlySpan<T>(_pointer + start * sizeof(T), length);
    }

    public void Dispose()
    {
        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
        }
        _file?.Dispose();
    }
}
