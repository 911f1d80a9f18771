using Cairn.Core;

namespace Cairn.Chains.Bitcoin;

/// <summary>Base58 with a 4-byte double-SHA-256 checksum appended (Bitcoin Core EncodeBase58Check).</summary>
public static class Base58Check
{
    private const int ChecksumSize = 4;

    public static string Encode(ReadOnlySpan<byte> payload)
    {
        Span<byte> buffer = payload.Length <= 256 ? stackalloc byte[payload.Length + ChecksumSize] : new byte[payload.Length + ChecksumSize];
        payload.CopyTo(buffer);
        Span<byte> digest = stackalloc byte[Hash256.Size];
        DoubleSha256.Hash(payload, digest);
        digest[..ChecksumSize].CopyTo(buffer[payload.Length..]);
        return Base58.Encode(buffer);
    }

    /// <summary>Decodes and verifies the checksum; throws <see cref="CairnException"/> naming the problem.</summary>
    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Base58.TryDecode(text, out var bytes))
            throw new CairnException($"malformed base58check '{text}': invalid character");
        if (!TryStripChecksum(bytes, out var payload))
            throw new CairnException($"malformed base58check '{text}': bad checksum");
        return payload;
    }

    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] payload)
    {
        payload = [];
        return Base58.TryDecode(text, out var bytes) && TryStripChecksum(bytes, out payload);
    }

    private static bool TryStripChecksum(byte[] bytes, out byte[] payload)
    {
        payload = [];
        if (bytes.Length < ChecksumSize) return false;
        var body = bytes.AsSpan(0, bytes.Length - ChecksumSize);
        Span<byte> digest = stackalloc byte[Hash256.Size];
        DoubleSha256.Hash(body, digest);
        if (!digest[..ChecksumSize].SequenceEqual(bytes.AsSpan(body.Length))) return false;
        payload = body.ToArray();
        return true;
    }
}
