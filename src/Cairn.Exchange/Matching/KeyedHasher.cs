using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Cairn.Exchange.Matching;

/// <summary>
/// HMAC-SHA256 keyed by the filter's secret salt, then k bit positions by double hashing
/// g_i = h1 + i·h2 mod m (Kirsch &amp; Mitzenmacher, "Less Hashing, Same Performance", 2006) from the
/// first two 64-bit words of the MAC. Not thread-safe: one per thread.
/// </summary>
internal sealed class KeyedHasher : IDisposable
{
    private readonly IncrementalHash _hmac;
    private readonly byte[] _mac = new byte[32];
    private byte[] _text = new byte[256];

    public KeyedHasher(byte[] salt)
    {
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, salt);
    }

    /// <summary>Writes the k positions of <paramref name="normalizedIdentifier"/> in a filter of <paramref name="bits"/> bits.</summary>
    public void Positions(string normalizedIdentifier, long bits, Span<long> positions)
    {
        var length = Encoding.UTF8.GetMaxByteCount(normalizedIdentifier.Length);
        if (length > _text.Length) _text = new byte[length];
        var written = Encoding.UTF8.GetBytes(normalizedIdentifier, _text);
        _hmac.AppendData(_text, 0, written);
        _hmac.GetHashAndReset(_mac);
        var h1 = BinaryPrimitives.ReadUInt64BigEndian(_mac.AsSpan(0, 8));
        var h2 = BinaryPrimitives.ReadUInt64BigEndian(_mac.AsSpan(8, 8)) | 1;
        var m = (ulong)bits;
        for (var i = 0; i < positions.Length; i++)
            positions[i] = (long)((h1 + (ulong)i * h2) % m);
    }

    public void Dispose() => _hmac.Dispose();
}
