namespace Cairn.Exchange.Matching;

/// <summary>
/// Brings an identifier into the one spelling both sides hash: trimmed, inner whitespace
/// collapsed; Ethereum hex addresses (0x…, case is only an EIP-55 checksum) and bech32/bech32m
/// addresses (BIP 173: case-insensitive, lowercase canonical) in lowercase. Base58 addresses and
/// other identifiers are case-sensitive and kept as written.
/// </summary>
public static class IdentifierNormalizer
{
    public static string Normalize(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var trimmed = string.Join(' ', identifier.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("bc1", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("tb1", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("bcrt1", StringComparison.OrdinalIgnoreCase))
            return trimmed.ToLowerInvariant();
        return trimmed;
    }
}
