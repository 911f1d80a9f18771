using System.Runtime.InteropServices;

namespace Cairn.Index.Ethereum;

/// <summary>
/// An append-only file of fixed-width <typeparamref name="T"/> rows. Opening truncates the file to
/// the committed row count, discarding whatever a crash left after the last commit.
/// </summary>
internal sealed class AppendColumn<T> : IAppendColumn where T : unmanaged
{
    private static readonly int RowSize = Marshal.SizeOf<T>();
    private readonly FileStream _stream;

    public AppendColumn(string path, long committedCount)
    {
        _stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1 << 16);
        if (_stream.Length < committedCount * RowSize)
            throw new InvalidDataException($"index column {path} holds {_stream.Length / RowSize} rows but the head commits {committedCount}: the index is damaged, delete it and ingest again");
        _stream.SetLength(committedCount * RowSize);
        _stream.Seek(0, SeekOrigin.End);
        Count = committedCount;
        Path = path;
    }

    public string Path { get; }

    public long Count { get; private set; }

    public void Append(in T row)
    {
        _stream.Write(MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in row)));
        Count++;
    }

    public T Read(long index)
    {
        _stream.Flush();
        var row = default(T);
        RandomAccess.Read(_stream.SafeFileHandle, MemoryMarshal.AsBytes(new Span<T>(ref row)), index * RowSize);
        return row;
    }

    public void Truncate(long count)
    {
        _stream.Flush();
        _stream.SetLength(count * RowSize);
        _stream.Seek(0, SeekOrigin.End);
        Count = count;
    }

    /// <summary>Writes buffered rows through to the disk (fsync), so a later commit never points past durable data.</summary>
    public void Flush() => _stream.Flush(flushToDisk: true);

    public void Dispose() => _stream.Dispose();
}

/// <summary>What the writer does to every column alike.</summary>
internal interface IAppendColumn : IDisposable
{
    long Count { get; }

    void Truncate(long count);

    void Flush();
}
