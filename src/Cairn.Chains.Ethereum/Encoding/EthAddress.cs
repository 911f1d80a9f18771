using Cairn.Chains.Ethereum.Crypto;
using Cairn.Core;

namespace Cairn.Chains.Ethereum.Encoding;

/// <summary>
/// Ethereum addresses: 20 bytes, normalised to lower-case hex for storage and comparison, and
/// shown with the EIP-55 mixed-case checksum (https://eips.ethereum.org/EIPS/eip-55).
/// </summary>
public static class EthAddress
{
    public const int Size = 20;

    /// <summary>Parses "0x" + 40 hex digits; a mixed-case input must carry a valid EIP-55 checksum.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || trimmed.Length != 42 || !trimmed[2..].All(char.IsAsciiHexDigit))
            throw new CairnException($"malformed Ethereum address '{UserText.Quote(text)}': expected 0x followed by 40 hex digits");
        if (!IsValidChecksum(trimmed))
            throw new CairnException($"Ethereum address '{UserText.Quote(text)}' has a wrong EIP-55 checksum (mistyped?)");
        return "0x" + trimmed[2..].ToLowerInvariant();
    }

    public static byte[] ToBytes(string text) => Convert.FromHexString(Normalize(text)[2..]);

    /// <summary>EIP-55: a hex letter is upper case when the matching nibble of keccak256(lower-case hex) is ≥ 8.</summary>
    public static string ToChecksum(string address)
    {
        var lower = Normalize(address)[2..];
        var hash = Keccak256.Hash(System.Text.Encoding.ASCII.GetBytes(lower));
        var chars = new char[40];
        for (var i = 0; i < 40; i++)
        {
            var nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0x0f;
            chars[i] = char.IsAsciiLetter(lower[i]) && nibble >= 8 ? char.ToUpperInvariant(lower[i]) : lower[i];
        }
        return "0x" + new string(chars);
    }

    public static string ToChecksum(ReadOnlySpan<byte> address) => ToChecksum(Hex.ToHex(address));

    /// <summary>
    /// EIP-55 validation: all-lower and all-upper hex carry no checksum and are accepted as such;
    /// a mixed-case address is valid only when it equals its checksummed form.
    /// </summary>
    public static bool IsValidChecksum(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Length != 42 || !address.StartsWith("0x", StringComparison.Ordinal)) return false;
        var digits = address[2..];
        if (!digits.All(char.IsAsciiHexDigit)) return false;
        var hasLower = digits.Any(char.IsAsciiLetterLower);
        var hasUpper = digits.Any(char.IsAsciiLetterUpper);
        if (!hasLower || !hasUpper) return true;
        var lower = digits.ToLowerInvariant();
        var hash = Keccak256.Hash(System.Text.Encoding.ASCII.GetBytes(lower));
        for (var i = 0; i < 40; i++)
        {
            if (!char.IsAsciiLetter(digits[i])) continue;
            var nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0x0f;
            if (char.IsAsciiLetterUpper(digits[i]) != (nibble >= 8)) return false;
        }
        return true;
    }
}
