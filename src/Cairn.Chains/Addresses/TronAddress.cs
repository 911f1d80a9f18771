using Cairn.Chains.Bitcoin;

namespace Cairn.Chains;

/// <summary>
/// Tron addresses (java-tron, "Account address" in the TRON protocol documentation): 21 bytes, the
/// prefix 0x41 followed by the 20-byte account (the same 20 bytes an EVM address has, which is how
/// TRC-20 transfer logs name it), written in Base58Check ("T…", 34 characters) or as hex (41 + 40
/// hex digits, as node APIs return it).
/// </summary>
public static class TronAddress
{
    public const byte Prefix = 0x41;

    /// <summary>The 20-byte account of a Base58Check or hex (41…) Tron address; false with a reason when malformed.</summary>
    public static bool TryDecode(string address, out byte[] account, out string error)
    {
        ArgumentNullException.ThrowIfNull(address);
        account = [];
        var trimmed = address.Trim();
        byte[] payload;
        if (trimmed.Length == 42 && trimmed.StartsWith("41", StringComparison.Ordinal) && trimmed.AsSpan().ContainsOnlyHex())
        {
            payload = Convert.FromHexString(trimmed);
        }
        else
        {
            if (trimmed.Length > 64) return Fail(out error, $"{trimmed.Length} characters; a Tron address has 34");
            if (!Base58.TryDecode(trimmed, out _)) return Fail(out error, "invalid base58 character");
            if (!Base58Check.TryDecode(trimmed, out payload)) return Fail(out error, "bad checksum");
        }
        if (payload.Length != 21) return Fail(out error, $"payload of {payload.Length} bytes, expected 21");
        if (payload[0] != Prefix) return Fail(out error, $"prefix 0x{payload[0]:x2}, expected 0x41");
        account = payload[1..];
        error = "";
        return true;
    }

    /// <summary>The Base58Check form ("T…") of a 20-byte account.</summary>
    public static string FromAccount(ReadOnlySpan<byte> account)
    {
        if (account.Length != 20) throw new ArgumentException("a Tron account has 20 bytes", nameof(account));
        return Base58Check.Encode([Prefix, .. account]);
    }

    private static bool Fail(out string error, string message)
    {
        error = message;
        return false;
    }
}
