namespace Cairn.Chains.Bitcoin;

/// <summary>
/// Bitcoin Cash's CashAddr format (spec: bitcoincashorg "cashaddr.md", 2017; token-aware types from
/// CHIP-2022-02 CashTokens): <c>prefix:payload</c>, the payload in bech32's base32 alphabet holding
/// a version byte (type in bits 3–6: 0 P2PKH, 1 P2SH, 2 P2PKH with tokens, 3 P2SH with tokens; hash
/// size in bits 0–2: 160, 192, 224, 256, 320, 384, 448 or 512 bits), the hash and a 40-bit BCH-code
/// checksum over the prefix's low five bits, a zero separator, and the payload. The prefix may be
/// left out when the expected network is known; one case only.
/// </summary>
public static class CashAddr
{
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private const int ChecksumLength = 8;
    private static readonly int[] HashSizes = [20, 24, 28, 32, 40, 48, 56, 64];

    /// <summary>Encodes <paramref name="hash"/> of <paramref name="kind"/> as <c>prefix:payload</c> (lower case).</summary>
    public static string Encode(string prefix, CashAddrKind kind, ReadOnlySpan<byte> hash)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var sizeCode = Array.IndexOf(HashSizes, hash.Length);
        if (sizeCode < 0) throw new ArgumentException($"a CashAddr hash has 20, 24, 28, 32, 40, 48, 56 or 64 bytes, not {hash.Length}", nameof(hash));
        var versioned = new byte[1 + hash.Length];
        versioned[0] = (byte)(((int)kind << 3) | sizeCode);
        hash.CopyTo(versioned.AsSpan(1));
        var data = new byte[(versioned.Length * 8 + 4) / 5];
        var length = ConvertBits(versioned, 8, 5, pad: true, data);
        var checksum = Polymod(prefix, data.AsSpan(0, length), withChecksumPadding: true);
        var text = new char[prefix.Length + 1 + length + ChecksumLength];
        var position = 0;
        foreach (var c in prefix) text[position++] = char.ToLowerInvariant(c);
        text[position++] = ':';
        for (var i = 0; i < length; i++) text[position++] = Charset[data[i]];
        for (var i = 0; i < ChecksumLength; i++) text[position++] = Charset[(int)((checksum >> (5 * (7 - i))) & 31)];
        return new string(text);
    }

    /// <summary>
    /// Decodes <paramref name="text"/> expecting <paramref name="prefix"/> (written or implied).
    /// False with a reason when the prefix, case, characters, checksum, version or length is wrong.
    /// </summary>
    public static bool TryDecode(string text, string prefix, out CashAddrKind kind, out byte[] hash, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(prefix);
        kind = default;
        hash = [];
        bool hasLower = false, hasUpper = false;
        foreach (var c in text)
        {
            hasLower |= char.IsAsciiLetterLower(c);
            hasUpper |= char.IsAsciiLetterUpper(c);
        }
        if (hasLower && hasUpper) return Fail(out error, "mixed case");
        var lower = text.ToLowerInvariant();
        var colon = lower.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            if (lower[..colon] != prefix) return Fail(out error, $"prefix '{lower[..colon]}' is not '{prefix}'");
            lower = lower[(colon + 1)..];
        }
        if (lower.Length <= ChecksumLength) return Fail(out error, "too short for a checksum");
        var values = new byte[lower.Length];
        for (var i = 0; i < lower.Length; i++)
        {
            var value = Charset.IndexOf(lower[i], StringComparison.Ordinal);
            if (value < 0) return Fail(out error, $"invalid character '{lower[i]}'");
            values[i] = (byte)value;
        }
        if (Polymod(prefix, values, withChecksumPadding: false) != 0) return Fail(out error, "bad checksum");
        var payload = new byte[values.Length * 5 / 8 + 1];
        var written = ConvertBits(values.AsSpan(0, values.Length - ChecksumLength), 5, 8, pad: false, payload);
        if (written < 0) return Fail(out error, "bad padding");
        if (written < 1) return Fail(out error, "empty payload");
        var version = payload[0];
        if ((version & 0x80) != 0) return Fail(out error, $"reserved version bit set (0x{version:x2})");
        var size = HashSizes[version & 7];
        if (written - 1 != size) return Fail(out error, $"hash of {written - 1} bytes, version 0x{version:x2} says {size}");
        var type = (version >> 3) & 0x0f;
        if (type > 3) return Fail(out error, $"unknown address type {type}");
        kind = (CashAddrKind)type;
        hash = payload.AsSpan(1, size).ToArray();
        error = "";
        return true;
    }

    /// <summary>The 40-bit checksum polymod of the CashAddr spec over prefix (low five bits), separator 0 and data.</summary>
    private static ulong Polymod(string prefix, ReadOnlySpan<byte> data, bool withChecksumPadding)
    {
        ulong c = 1;
        foreach (var ch in prefix) c = Step(c, (byte)(ch & 31));
        c = Step(c, 0);
        foreach (var value in data) c = Step(c, value);
        if (withChecksumPadding)
            for (var i = 0; i < ChecksumLength; i++) c = Step(c, 0);
        return c ^ 1;
    }

    private static ulong Step(ulong c, byte value)
    {
        var top = (byte)(c >> 35);
        c = ((c & 0x07ffffffffUL) << 5) ^ value;
        if ((top & 0x01) != 0) c ^= 0x98f2bc8e61UL;
        if ((top & 0x02) != 0) c ^= 0x79b76d99e2UL;
        if ((top & 0x04) != 0) c ^= 0xf33e5fb3c4UL;
        if ((top & 0x08) != 0) c ^= 0xae2eabe2a8UL;
        if ((top & 0x10) != 0) c ^= 0x1e4f43e470UL;
        return c;
    }

    /// <summary>Regroups bits; -1 when <paramref name="pad"/> is false and non-zero padding bits or a whole extra group remain.</summary>
    private static int ConvertBits(ReadOnlySpan<byte> input, int fromBits, int toBits, bool pad, Span<byte> output)
    {
        int accumulator = 0, bits = 0, written = 0;
        var maxValue = (1 << toBits) - 1;
        foreach (var value in input)
        {
            accumulator = (accumulator << fromBits) | value;
            bits += fromBits;
            while (bits >= toBits)
            {
                bits -= toBits;
                output[written++] = (byte)((accumulator >> bits) & maxValue);
            }
        }
        if (pad)
        {
            if (bits > 0) output[written++] = (byte)((accumulator << (toBits - bits)) & maxValue);
        }
        else if (bits >= fromBits || ((accumulator << (toBits - bits)) & maxValue) != 0)
        {
            return -1;
        }
        return written;
    }

    private static bool Fail(out string error, string message)
    {
        error = message;
        return false;
    }
}
