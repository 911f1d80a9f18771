using Cairn.Chains.Ethereum.Encoding;

namespace Cairn.Intel.Addresses;

/// <summary>
/// EVM addresses: <c>0x</c> + 40 hex digits; a mixed-case address must carry a valid EIP-55
/// checksum (https://eips.ethereum.org/EIPS/eip-55), computed with Cairn.Chains.Ethereum's Keccak-256.
/// </summary>
public sealed class EthereumAddressValidator : IAddressValidator
{
    public static EthereumAddressValidator Instance { get; } = new();

    public bool IsValid(string address, out string error)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!HasShape(address))
        {
            error = "expected 0x followed by 40 hex digits";
            return false;
        }
        if (!EthAddress.IsValidChecksum(address))
        {
            error = "wrong EIP-55 checksum (mixed case that does not match keccak256)";
            return false;
        }
        error = "";
        return true;
    }

    /// <summary>"0x" and 40 hex digits, any case.</summary>
    public static bool HasShape(ReadOnlySpan<char> address)
    {
        if (address.Length != 42 || address[0] != '0' || address[1] != 'x') return false;
        foreach (var c in address[2..])
            if (!char.IsAsciiHexDigit(c)) return false;
        return true;
    }
}
