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

    /// <summary>58^5, the largest power of 58 below 2^30: one limb of the encoder holds five base58 digits.</summary>
    private const uint LimbBase = 656_356_768;

    /// <summary>
    /// Encodes into <paramref name="destination"/> (at least <see cref="MaxEncodedLength"/> chars); returns the number written.
    /// The same digits as Bitcoin Core's EncodeBase58 (base58.cpp), which divides the number by 58 one byte at a time; here
    /// the number is read four bytes at a time into limbs of five digits each, so a 25-byte address takes about 25 limb
    /// steps instead of about 400 byte steps (addresses are encoded for every endpoint of a trace, issue 19).
    /// </summary>
    public static int Encode(ReadOnlySpan<byte> data, Span<char> destination)
    {
        var zeros = 0;
        while (zeros < data.Length && data[zeros] == 0) zeros++;
        var rest = data[zeros..];
        // Limbs in base 58^5, least significant first: n bytes need n·log(256)/log(58^5) ≈ 0.273·n limbs, so n/3 + 2 is enough.
        var capacity = rest.Length / 3 + 2;
        Span<uint> limbs = capacity <= 64 ? stackalloc uint[capacity] : new uint[capacity];
        var length = 0;
        var position = 0;
        while (position < rest.Length)
        {
            // The first chunk takes the bytes above a multiple of four, so every later chunk is a whole 32-bit word.
            var take = position == 0 && rest.Length % 4 != 0 ? rest.Length % 4 : 4;
            ulong carry = 0;
            for (var i = 0; i < take; i++) carry = (carry << 8) | rest[position + i];
            position += take;
            var shift = 8 * take;
            // limb < 2^30 and shift <= 32, so limb·2^shift + carry stays below 2^63.
            for (var j = 0; j < length; j++)
            {
                var value = ((ulong)limbs[j] << shift) + carry;
                limbs[j] = (uint)(value % LimbBase);
                carry = value / LimbBase;
            }
            while (carry != 0)
            {
                limbs[length++] = (uint)(carry % LimbBase);
                carry /= LimbBase;
            }
        }
        Span<byte> digits = length * 5 <= 256 ? stackalloc byte[length * 5] : new byte[length * 5];
        for (var j = 0; j < length; j++)
        {
            var limb = limbs[j];
            for (var k = 0; k < 5; k++)
            {
                digits[j * 5 + k] = (byte)(limb % 58);
                limb /= 58;
            }
        }
        // The top limb's high digits are zero padding, not part of the number.
        var count = digits.Length;
        while (count > 0 && digits[count - 1] == 0) count--;
        var written = 0;
        for (var i = 0; i < zeros; i++) destination[written++] = '1';
        for (var i = count - 1; i >= 0; i--) destination[written++] = Alphabet[digits[i]];
        return written;
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
