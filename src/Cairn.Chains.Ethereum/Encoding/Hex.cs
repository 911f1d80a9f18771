using System.Globalization;
using System.Numerics;
using Cairn.Core;

namespace Cairn.Chains.Ethereum.Encoding;

/// <summary>
/// The hex encodings of the Ethereum JSON-RPC API: QUANTITY ("0x" + minimal big-endian hex)
/// and DATA ("0x" + two hex digits per byte). See the Ethereum execution-apis spec, "Hex encoding".
/// </summary>
public static class Hex
{
    public static byte[] ToBytes(string text, string what = "hex data")
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = Strip(text);
        if (digits.Length % 2 != 0)
            throw new CairnException($"malformed {what} '{Shorten(text)}': odd number of hex digits");
        try
        {
            return Convert.FromHexString(digits);
        }
        catch (FormatException)
        {
            throw new CairnException($"malformed {what} '{Shorten(text)}': not hexadecimal");
        }
    }

    public static string ToHex(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    /// <summary>Parses a QUANTITY ("0x1a") as a non-negative big integer.</summary>
    public static BigInteger ToBigInteger(string text, string what = "quantity")
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = Strip(text);
        if (digits.Length == 0) return BigInteger.Zero;
        if (!BigInteger.TryParse("0" + digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            throw new CairnException($"malformed {what} '{Shorten(text)}': not a hex quantity");
        return value;
    }

    public static long ToInt64(string text, string what = "quantity")
    {
        var value = ToBigInteger(text, what);
        if (value > long.MaxValue) throw new CairnException($"{what} '{Shorten(text)}' is too large");
        return (long)value;
    }

    public static string FromQuantity(long value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    public static string FromQuantity(BigInteger value) =>
        value.IsZero ? "0x0" : "0x" + value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');

    /// <summary>Big-endian unsigned bytes to an integer (ABI words, RLP scalars).</summary>
    public static BigInteger ToUnsigned(ReadOnlySpan<byte> bigEndian) => new(bigEndian, isUnsigned: true, isBigEndian: true);

    private static string Strip(string text) =>
        text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;

    private static string Shorten(string text) => UserText.Quote(text, 80);
}
