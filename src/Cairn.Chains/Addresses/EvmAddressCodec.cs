using Cairn.Chains.Ethereum.Encoding;

namespace Cairn.Chains;

/// <summary>EVM addresses: 0x + 40 hex digits, EIP-55 checksum checked when mixed case; the key is lower case.</summary>
public sealed class EvmAddressCodec : IChainAddressCodec
{
    public static EvmAddressCodec Instance { get; } = new();

    public bool TryNormalize(string address, out string key, out string error)
    {
        ArgumentNullException.ThrowIfNull(address);
        key = "";
        var trimmed = address.Trim();
        if (trimmed.Length != 42 || !trimmed.StartsWith("0x", StringComparison.Ordinal) || !trimmed.AsSpan(2).ContainsOnlyHex())
        {
            error = "expected 0x followed by 40 hex digits";
            return false;
        }
        if (!EthAddress.IsValidChecksum(trimmed))
        {
            error = "wrong EIP-55 checksum (mixed case that does not match keccak256)";
            return false;
        }
        key = trimmed.ToLowerInvariant();
        error = "";
        return true;
    }
}
