using Cairn.Core;

namespace Cairn.Chains.Bitcoin;

/// <summary>Base58 as in Bitcoin Core's base58.cpp: the alphabet without 0, O, I, l; each leading zero byte is one '1'.</summary>
public static class Base58
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private static readonly sbyte[] DigitValues = BuildDigitValues();

    public static string Encode(ReadOnlySpan<byte> data)
    {
        Span<char> buffer = data.Length <= 128 ? stackalloc char[MaxEncodedLength(data.Length)] : new char[MaxEncodedLength(data.Length)];
        var written = Encode(data, buffer);
        return new string(buffer[..written]);
    }

    public static int MaxEncodedLength(int byteCount) => byteCount * 138 / 100 + 1;

    /// <summary>Encodes into <paramref name="destination"/> (at least <see cref="MaxEncodedLength"/> chars); returns the number written.</summary>
    public static int Encode(ReadOnlySpan<byte> data, Span<char> destination)
    {
        var zeros = 0;
        while (zeros < data.Length && data[zeros] == 0) zeros++;
        // Big-number division by 58, least significant digit first (base58.cpp EncodeBase58).
        Span<byte> digits = data.Length <= 128 ? stackalloc byte[MaxEncodedLength(data.Length)] : new byte[MaxEncodedLength(data.Length)];
        var length = 0;
        for (var i = zeros; i < data.Length; i++)
        {
            int carry = data[i];
            for (var j = 0; j < length; j++)
            {
                carry += digits[j] << 8;
                digits[j] = (byte)(carry % 58);
                carry /= 58;
            }
            while (carry > 0)
            {
                digits[length++] = (byte)(carry % 58);
                carry /= 58;
            }
        }
        var position = 0;
        for (var i = 0; i < zeros; i++) destination[position++] = '1';
        for (var i = length - 1; i >= 0; i--) destination[position++] = Alphabet[digits[i]];
        return position;
    }

    /// <summary>
    /// The longest text decoded. Decoding is quadratic in the length, and Bitcoin Core's
    /// DecodeBase58 likewise stops at a caller's max_ret_len (base58.cpp; its own test vectors
    /// decode with 256 bytes, about 350 characters). Keys and addresses are far shorter (a BIP 32
    /// extended key has 111 characters, an address at most 35). Without a bound a
    /// 90,000-character account number in an IVMS101 payload held a thread for half a minute
    /// (found by the fuzz suite, issue 17).
    /// </summary>
    public const int MaxTextLength = 400;

    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxTextLength)
            throw new CairnException($"malformed base58 '{UserText.Quote(text, 40)}': {text.Length} characters, longer than any key or address ({MaxTextLength})");
        if (!TryDecode(text, out var bytes, out var badIndex))
            throw new CairnException($"malformed base58 '{UserText.Quote(text)}': invalid character at position {badIndex}");
        return bytes;
    }

    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes) => TryDecode(text, out bytes, out _);

    private static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes, out int badIndex)
    {
        bytes = [];
        badIndex = -1;
        if (text.Length > MaxTextLength)
        {
            badIndex = MaxTextLength;
            return false;
        }
        var zeros = 0;
        while (zeros < text.Length && text[zeros] == '1') zeros++;
        var buffer = new byte[text.Length * 733 / 1000 + 1];
        var length = 0;
        for (var i = zeros; i < text.Length; i++)
        {
            var c = text[i];
            var value = c < 128 ? DigitValues[c] : -1;
            if (value < 0)
            {
                badIndex = i;
                return false;
            }
            var carry = (int)value;
            for (var j = 0; j < length; j++)
            {
                carry += buffer[j] * 58;
                buffer[j] = (byte)carry;
                carry >>= 8;
            }
            while (carry > 0)
            {
                buffer[length++] = (byte)carry;
                carry >>= 8;
            }
        }
        bytes = new byte[zeros + length];
        for (var i = 0; i < length; i++) bytes[zeros + i] = buffer[length - 1 - i];
        return true;
    }

    private static sbyte[] BuildDigitValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++) values[Alphabet[i]] = (sbyte)i;
        return values;
    }
}
