using Cairn.Chains.Bitcoin;

namespace Cairn.Chains;

/// <summary>
/// Addresses of a UTXO chain's mainnet, as Cairn.Chains.Bitcoin's <see cref="AddressCodec"/> decodes
/// them for its <see cref="Network"/>. The key: bech32 lower-cased (BIP-173: one case only); CashAddr
/// lower-cased without its prefix (the form sanctions lists write); base58 as written (case-sensitive).
/// </summary>
public sealed class UtxoAddressCodec(Network network) : IChainAddressCodec
{
    public Network Network { get; } = network;

    public bool TryNormalize(string address, out string key, out string error)
    {
        ArgumentNullException.ThrowIfNull(address);
        key = "";
        var trimmed = address.Trim();
        if (trimmed.Length == 0)
        {
            error = "empty address";
            return false;
        }
        if (!AddressCodec.TryDecode(trimmed, Network, out _, out error)) return false;
        key = KeyOf(trimmed);
        return true;
    }

    /// <summary>The matching key of an address already known to be valid on this network.</summary>
    public string KeyOf(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var trimmed = address.Trim();
        if (Network.CashAddrPrefix is { } prefix && IsCashAddrShaped(trimmed, prefix))
        {
            var lower = trimmed.ToLowerInvariant();
            return lower.StartsWith(prefix + ":", StringComparison.Ordinal) ? lower[(prefix.Length + 1)..] : lower;
        }
        if (Network.Bech32Hrp.Length > 0 && trimmed.StartsWith(Network.Bech32Hrp + "1", StringComparison.OrdinalIgnoreCase))
            return trimmed.ToLowerInvariant();
        return trimmed;
    }

    private static bool IsCashAddrShaped(string address, string prefix) =>
        address.StartsWith(prefix + ":", StringComparison.OrdinalIgnoreCase) || (address.Length >= 42 && "qpzrQPZR".Contains(address[0], StringComparison.Ordinal));
}
