using System.Security.Cryptography;

namespace Cairn.Workspace.Backup;

/// <summary>
/// A file opened for the archive: reads exactly the length it had when opened (a file that grows
/// meanwhile cannot overrun its tar header's size) and hashes what it hands out, so the manifest
/// holds the hash of the bytes written, not of a second read. Seekable only to where it is or to the
/// start (TarWriter asks for the length and position of seekable data streams).
/// </summary>
internal sealed class HashingReadStream : Stream
{
    private readonly FileStream _inner;
    private readonly long _length;
    private IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _position;

    public HashingReadStream(string path)
    {
        _inner = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        _length = _inner.Length;
    }

    /// <summary>The lowercase hex SHA-256 of everything read (call once the whole length was read).</summary>
    public string Sha256()
    {
        if (_position != _length) throw new InvalidOperationException($"read {_position} of {_length} bytes");
        return Convert.ToHexStringLower(_hash.GetCurrentHash());
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var wanted = (int)Math.Min(buffer.Length, _length - _position);
        if (wanted <= 0) return 0;
        var read = _inner.Read(buffer[..wanted]);
        _hash.AppendData(buffer[..read]);
        _position += read;
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => _length + offset,
        };
        if (target == _position) return _position;
        if (target != 0) throw new NotSupportedException("a backup file is read from the start or from where it is");
        _inner.Position = 0;
        _position = 0;
        _hash.Dispose();
        _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        return 0;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _hash.Dispose();
        }
        base.Dispose(disposing);
    }
}
