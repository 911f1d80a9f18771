using Cairn.Chains.Bitcoin;

namespace Cairn.Chains;

/// <summary>
/// Everything Cairn knows about one chain, said once: its id (GraphSense's currency code, lower
/// case, where GraphSense has one), family, native unit, network parameters (UTXO: the
/// <see cref="Bitcoin.Network"/> with magic, genesis and address formats; account: the EVM chain id),
/// the currency codes TagPacks and sanctions lists use for it, the tokens investigators meet on it,
/// what Cairn supports there, and the sources of every parameter. The family decides the parser,
/// index and tracer; the id decides the index directory (<see cref="IndexDirectory"/>).
/// </summary>
public sealed record ChainDefinition
{
    /// <summary>Lower-case id used by the CLI (<c>--chain ID</c>, <c>cairn ID …</c>), the API (<c>/api/v1/chains/{id}</c>) and stored records.</summary>
    public required string Id { get; init; }

    /// <summary>The name people read (Bitcoin Cash, BNB Smart Chain).</summary>
    public required string Name { get; init; }

    public required ChainFamily Family { get; init; }

    /// <summary>Ticker of the native coin (BTC, ETH, BNB, POL).</summary>
    public required string Symbol { get; init; }

    /// <summary>Decimals between the native coin and its base unit (8 for satoshi-like units, 18 for wei, 6 for sun).</summary>
    public required int Decimals { get; init; }

    /// <summary>Name of the base unit (satoshi, litoshi, wei, sun).</summary>
    public required string BaseUnit { get; init; }

    /// <summary>Mainnet parameters of a UTXO chain; null for account chains.</summary>
    public Network? Network { get; init; }

    /// <summary>EIP-155 chain id of an EVM chain (what <c>eth_chainId</c> answers); null otherwise.</summary>
    public long? EvmChainId { get; init; }

    /// <summary>
    /// Currency codes that mean this chain in TagPacks (GraphSense's code first) and in OFAC's
    /// per-asset lists (XBT for Bitcoin). Token codes (USDT, USDC) are not here: they live on several chains.
    /// </summary>
    public required IReadOnlyList<string> CurrencyCodes { get; init; }

    /// <summary>Tokens with their contracts on this chain (USDT, USDC) and where each contract comes from.</summary>
    public IReadOnlyList<ChainToken> Tokens { get; init; } = [];

    public required ChainSupport Support { get; init; }

    /// <summary>The chain's address format.</summary>
    public required IChainAddressCodec Addresses { get; init; }

    /// <summary>What limits this chain's support, in a sentence, when something is left out (null when nothing is).</summary>
    public string? Limitation { get; init; }

    /// <summary>Where the parameters come from (repository file and commit, specification, issuer page).</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    /// <summary>The index directory under the data directory (<c>btc-index</c>, <c>ltc-index</c>, <c>eth-index</c>…).</summary>
    public string IndexDirectory => Id + "-index";

    /// <summary>GraphSense's currency code for the chain (the first of <see cref="CurrencyCodes"/>).</summary>
    public string CurrencyCode => CurrencyCodes[0];
}
