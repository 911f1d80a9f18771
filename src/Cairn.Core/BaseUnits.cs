using System.Globalization;
using System.Numerics;

namespace Cairn.Core;

/// <summary>
/// Exact amounts are integers of the asset's base unit (satoshi, wei, token units).
/// These helpers turn them into the human decimal shown next to the exact string in JSON
/// and parse user-typed amounts without ever going through floating point.
/// </summary>
public static class BaseUnits
{
    public const int BitcoinDecimals = 8;
    public const int EtherDecimals = 18;

    /// <summary>Formats <paramref name="value"/> base units as a decimal with <paramref name="decimals"/> places, trailing zeros trimmed.</summary>
    public static string ToDecimalString(BigInteger value, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        var negative = value.Sign < 0;
        var digits = BigInteger.Abs(value).ToString(CultureInfo.InvariantCulture);
        if (decimals > 0)
        {
            digits = digits.PadLeft(decimals + 1, '0');
            var whole = digits[..^decimals];
            var fraction = digits[^decimals..].TrimEnd('0');
            digits = fraction.Length == 0 ? whole : whole + "." + fraction;
        }
        return negative ? "-" + digits : digits;
    }

    /// <summary>Parses a non-negative decimal string ("0.5", "12") into base units; throws <see cref="CairnException"/> naming the input when it is malformed or too precise.</summary>
    public static BigInteger ParseDecimal(string text, int decimals, string what = "amount")
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var parts = trimmed.Split('.');
        if (trimmed.Length == 0 || parts.Length > 2 || !parts.All(IsDigits) || parts[0].Length == 0)
            throw new CairnException($"malformed {what} '{text}': expected a non-negative decimal number");
        var fraction = parts.Length == 2 ? parts[1] : "";
        if (fraction.Length > decimals)
            throw new CairnException($"malformed {what} '{text}': more than {decimals} decimal places");
        return BigInteger.Parse(parts[0] + fraction.PadRight(decimals, '0'), CultureInfo.InvariantCulture);
    }

    /// <summary>Parses an exact integer of base units ("12345678"); throws <see cref="CairnException"/> when malformed.</summary>
    public static BigInteger ParseInteger(string text, string what = "amount")
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || !IsDigits(trimmed))
            throw new CairnException($"malformed {what} '{text}': expected a non-negative integer of base units");
        return BigInteger.Parse(trimmed, CultureInfo.InvariantCulture);
    }

    private static bool IsDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);
}
