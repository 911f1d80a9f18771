using Cairn.Chains.Bitcoin;

namespace Cairn.Intel.Addresses;

/// <summary>
/// Bitcoin mainnet addresses as Cairn.Chains.Bitcoin's <see cref="AddressCodec"/> decodes them:
/// base58check P2PKH/P2SH with a valid double-SHA-256 checksum, or segwit bech32/bech32m with hrp
/// <c>bc</c> (BIP-173, BIP-350). Testnet and regtest addresses are not mainnet: they are not matched as Bitcoin.
/// </summary>
public sealed class BitcoinAddressValidator : IAddressValidator
{
    public static BitcoinAddressValidator Instance { get; } = new();

    public bool IsValid(string address, out string error)
    {
        ArgumentNullException.ThrowIfNull(address);
        return AddressCodec.TryDecode(address, Network.Main, out _, out error);
    }

    /// <summary>BIP-173 addresses start with the hrp and separator, in either (but one) case.</summary>
    public static bool LooksLikeSegwit(ReadOnlySpan<char> address) =>
        address.StartsWith("bc1", StringComparison.OrdinalIgnoreCase);
}
