using System.Collections.Frozen;
using Cairn.Chains;

namespace Cairn.Intel.Addresses;

/// <summary>
/// Turns an address as a source wrote it (with its currency code) into the
/// <see cref="NormalizedAddress"/> it is matched by, or says why it is malformed.
/// Rules (docs/intel.md "Normalisation"): 0x + 40 hex is an EVM address whatever the currency
/// (EIP-55 checked when mixed case); a valid Bitcoin mainnet address is matched as Bitcoin
/// whatever the currency (forks and layers reuse the same strings); BTC/XBT and EVM currencies
/// must pass their chain's check; the currencies of the other chains of the registry (LTC, BCH,
/// DOGE, TRX) must pass theirs and are kept in the chain's matching form (CashAddr without its
/// prefix, bech32 lower case); every other currency is kept as written.
/// </summary>
public sealed class AddressNormalizer
{
    /// <summary>Currency codes whose addresses must be Bitcoin mainnet addresses (XBT is OFAC's code).</summary>
    public static readonly FrozenSet<string> BitcoinCurrencies = new[] { "BTC", "XBT" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Currency codes whose addresses must be EVM addresses.</summary>
    public static readonly FrozenSet<string> EvmCurrencies = new[]
    {
        "ETH", "ETC", "ARB", "ARBITRUM", "BSC", "BNB", "BEP20", "MATIC", "POL", "POLYGON", "OP", "BASE", "AVAX-C", "FTM", "GNOSIS",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private readonly IAddressValidator _bitcoin;
    private readonly IAddressValidator _ethereum;

    public AddressNormalizer(IAddressValidator bitcoin, IAddressValidator ethereum)
    {
        _bitcoin = bitcoin;
        _ethereum = ethereum;
    }

    /// <summary>The normaliser backed by Cairn.Chains.Bitcoin and Cairn.Chains.Ethereum.</summary>
    public static AddressNormalizer Default { get; } = new(BitcoinAddressValidator.Instance, EthereumAddressValidator.Instance);

    public IAddressValidator Bitcoin => _bitcoin;

    public IAddressValidator Ethereum => _ethereum;

    /// <summary>Normalises <paramref name="address"/> of <paramref name="currency"/>; false with a reason when malformed.</summary>
    public bool TryNormalize(string currency, string address, out NormalizedAddress normalized, out string error)
    {
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentNullException.ThrowIfNull(address);
        normalized = default;
        var trimmed = address.Trim();
        if (trimmed.Length == 0)
        {
            error = "empty address";
            return false;
        }
        if (EthereumAddressValidator.HasShape(trimmed))
        {
            if (!_ethereum.IsValid(trimmed, out error)) return false;
            normalized = new NormalizedAddress(AddressFamily.Ethereum, trimmed.ToLowerInvariant());
            return true;
        }
        if (EvmCurrencies.Contains(currency))
        {
            error = $"{currency.ToUpperInvariant()} address: expected 0x followed by 40 hex digits";
            return false;
        }
        if (_bitcoin.IsValid(trimmed, out var bitcoinError))
        {
            var key = BitcoinAddressValidator.LooksLikeSegwit(trimmed) ? trimmed.ToLowerInvariant() : trimmed;
            normalized = new NormalizedAddress(AddressFamily.Bitcoin, key);
            error = "";
            return true;
        }
        if (BitcoinCurrencies.Contains(currency))
        {
            error = "Bitcoin address: " + bitcoinError;
            return false;
        }
        if (ChainRegistry.ForCurrency(currency) is { } chain)
        {
            if (!chain.Addresses.TryNormalize(trimmed, out var key, out var chainError))
            {
                error = $"{chain.Name} address: {chainError}";
                return false;
            }
            normalized = new NormalizedAddress(AddressFamily.Other, key);
            error = "";
            return true;
        }
        normalized = new NormalizedAddress(AddressFamily.Other, trimmed);
        error = "";
        return true;
    }

    /// <summary>The address family a <c>--chain</c> value asks for: btc, eth, or null for any other currency code.</summary>
    public static AddressFamily? FamilyOfChain(string? chain) => chain?.ToUpperInvariant() switch
    {
        null or "" or "AUTO" => null,
        "BTC" or "XBT" or "BITCOIN" => AddressFamily.Bitcoin,
        "ETH" or "ETHEREUM" => AddressFamily.Ethereum,
        var other when EvmCurrencies.Contains(other) => AddressFamily.Ethereum,
        _ => AddressFamily.Other,
    };
}
