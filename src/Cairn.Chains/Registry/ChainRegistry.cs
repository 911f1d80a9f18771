using Cairn.Chains.Bitcoin;
using Cairn.Core;

namespace Cairn.Chains;

/// <summary>
/// The chains Cairn knows, each described once (<see cref="ChainDefinition"/>); the CLI, the API and
/// the UI take a chain id and look it up here. Adding a UTXO chain is a <see cref="Network"/> and an
/// entry; adding an EVM chain is an entry with its chain id, units and tokens (docs/adding-a-chain.md).
/// Ids follow GraphSense's currency codes where it has one (btc, ltc, bch, eth, trx).
/// </summary>
public static class ChainRegistry
{
    private static readonly ChainSupport UtxoSupport = new(BlockFiles: true, Rpc: true, Trace: true, Cluster: true, Screen: true, Tokens: false);
    private static readonly ChainSupport EvmSupport = new(BlockFiles: false, Rpc: true, Trace: true, Cluster: false, Screen: true, Tokens: true);

    public static ChainDefinition Bitcoin { get; } = new()
    {
        Id = "btc", Name = "Bitcoin", Family = ChainFamily.Utxo, Symbol = "BTC", Decimals = 8, BaseUnit = "satoshi",
        Network = Network.Main, CurrencyCodes = ["BTC", "XBT"], Support = UtxoSupport, Addresses = new UtxoAddressCodec(Network.Main),
        Sources = ["bitcoin/bitcoin src/kernel/chainparams.cpp (magic, genesis, base58 prefixes, bech32 hrp)", "BIP-173, BIP-350 (bech32, bech32m)", "OFAC writes Bitcoin as XBT"],
    };

    public static ChainDefinition Litecoin { get; } = new()
    {
        Id = "ltc", Name = "Litecoin", Family = ChainFamily.Utxo, Symbol = "LTC", Decimals = 8, BaseUnit = "litoshi",
        Network = Network.LitecoinMain, CurrencyCodes = ["LTC"], Support = UtxoSupport, Addresses = new UtxoAddressCodec(Network.LitecoinMain),
        Limitation = "MWEB (from block 2,265,984): the HogEx and peg-in outputs are indexed; inside MWEB amounts and owners are confidential, so traces stop where funds enter or leave it",
        Sources = ["litecoin-project/litecoin src/chainparams.cpp @ d8c8adc0b46c (magic fbc0b6db, genesis, prefixes 48/50/5, hrp ltc)", "LIP-0002 (HogEx), LIP-0003 (MWEB serialisation); ltcsuite/ltcd wire/ @ 9037b9b4dac4 as a peer reader"],
    };

    public static ChainDefinition BitcoinCash { get; } = new()
    {
        Id = "bch", Name = "Bitcoin Cash", Family = ChainFamily.Utxo, Symbol = "BCH", Decimals = 8, BaseUnit = "satoshi",
        Network = Network.BitcoinCashMain, CurrencyCodes = ["BCH"], Support = UtxoSupport, Addresses = new UtxoAddressCodec(Network.BitcoinCashMain),
        Limitation = "32-byte P2SH outputs (2023) and bare token outputs are indexed as raw scripts (script:…), not as addresses",
        Sources = ["bitcoin-cash-node src/chainparams.cpp @ 631badbf6476 (disk magic f9beb4d9, net magic e3e1f3e8, prefixes 0/5, cashaddr prefix bitcoincash)", "CashAddr specification (bitcoincashorg spec/cashaddr.md)", "CHIP-2022-02 CashTokens (token prefix 0xef)"],
    };

    public static ChainDefinition Dogecoin { get; } = new()
    {
        Id = "doge", Name = "Dogecoin", Family = ChainFamily.Utxo, Symbol = "DOGE", Decimals = 8, BaseUnit = "koinu",
        Network = Network.DogecoinMain, CurrencyCodes = ["DOGE"], Support = UtxoSupport, Addresses = new UtxoAddressCodec(Network.DogecoinMain),
        Sources = ["dogecoin/dogecoin src/chainparams.cpp; dogecoin/libdohj DogecoinMainNetParams.java @ 3dd6d7548843 (magic c0c0c0c0, genesis, prefixes 30/22, AuxPoW chain id 98, version bit 0x100)", "Namecoin merged-mining specification (CAuxPow serialisation)"],
    };

    public static ChainDefinition Ethereum { get; } = new()
    {
        Id = "eth", Name = "Ethereum", Family = ChainFamily.Account, Symbol = "ETH", Decimals = 18, BaseUnit = "wei",
        EvmChainId = 1, CurrencyCodes = ["ETH"], Support = EvmSupport, Addresses = EvmAddressCodec.Instance,
        Tokens =
        [
            new("USDT", "0xdAC17F958D2ee523a2206206994597C13D831ec7", 6, true, "Tether, Supported Protocols (tether.to)"),
            new("USDC", "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", 6, true, "Circle, USDC Contract Addresses (developers.circle.com/stablecoins/usdc-contract-addresses)"),
        ],
        Sources = ["EIP-155 (chain id 1)", "EIP-55 (checksummed addresses)"],
    };

    public static ChainDefinition BnbSmartChain { get; } = new()
    {
        Id = "bsc", Name = "BNB Smart Chain", Family = ChainFamily.Account, Symbol = "BNB", Decimals = 18, BaseUnit = "wei",
        EvmChainId = 56, CurrencyCodes = ["BSC", "BNB", "BEP20"], Support = EvmSupport, Addresses = EvmAddressCodec.Instance,
        Tokens =
        [
            new("USDT", "0x55d398326f99059fF775485246999027B3197955", 18, false, "Binance-Peg BSC-USD, issued by Binance, not Tether (BNB Chain token list, BscScan)"),
            new("USDC", "0x8AC76a51cc950d9822D68b83fE1Ad97B32Cd580d", 18, false, "Binance-Peg USD Coin, issued by Binance, not Circle (BNB Chain token list, BscScan)"),
        ],
        Sources = ["EIP-155 chain id 56 (BNB Chain documentation)"],
    };

    public static ChainDefinition Polygon { get; } = new()
    {
        Id = "polygon", Name = "Polygon PoS", Family = ChainFamily.Account, Symbol = "POL", Decimals = 18, BaseUnit = "wei",
        EvmChainId = 137, CurrencyCodes = ["MATIC", "POL", "POLYGON"], Support = EvmSupport, Addresses = EvmAddressCodec.Instance,
        Tokens =
        [
            new("USDT", "0xc2132D05D31c914a87C6611C10748AEb04B58e8F", 6, false, "USDT bridged over the Polygon PoS bridge (Polygon token list, PolygonScan)"),
            new("USDC", "0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359", 6, true, "Circle, USDC Contract Addresses (developers.circle.com/stablecoins/usdc-contract-addresses)"),
            new("USDC.e", "0x2791Bca1f2de4661ED88A30C99A7a9449Aa84174", 6, false, "USDC bridged from Ethereum before Circle's native issue (Polygon token list)"),
        ],
        Sources = ["EIP-155 chain id 137 (Polygon documentation)", "native coin renamed MATIC → POL in 2024"],
    };

    public static ChainDefinition Arbitrum { get; } = new()
    {
        Id = "arbitrum", Name = "Arbitrum One", Family = ChainFamily.Account, Symbol = "ETH", Decimals = 18, BaseUnit = "wei",
        EvmChainId = 42161, CurrencyCodes = ["ARB", "ARBITRUM"], Support = EvmSupport, Addresses = EvmAddressCodec.Instance,
        Tokens =
        [
            new("USDT", "0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9", 6, false, "USDT bridged over the Arbitrum gateway, since 2025 USDT0 (Arbitrum token list, Arbiscan)"),
            new("USDC", "0xaf88d065e77c8cC2239327C5EDb3A432268e5831", 6, true, "Circle, USDC Contract Addresses (developers.circle.com/stablecoins/usdc-contract-addresses)"),
            new("USDC.e", "0xFF970A61A04b1cA14834A43f5dE4533eBDDB5CC8", 6, false, "USDC bridged from Ethereum before Circle's native issue (Arbitrum token list)"),
        ],
        Sources = ["EIP-155 chain id 42161 (Arbitrum documentation)"],
    };

    public static ChainDefinition Base { get; } = new()
    {
        Id = "base", Name = "Base", Family = ChainFamily.Account, Symbol = "ETH", Decimals = 18, BaseUnit = "wei",
        EvmChainId = 8453, CurrencyCodes = ["BASE"], Support = EvmSupport, Addresses = EvmAddressCodec.Instance,
        Tokens =
        [
            new("USDC", "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913", 6, true, "Circle, USDC Contract Addresses (developers.circle.com/stablecoins/usdc-contract-addresses)"),
        ],
        Limitation = "Tether issues no USDT on Base; tokens named USDT there are third-party bridges and are read like any ERC-20",
        Sources = ["EIP-155 chain id 8453 (Base documentation)"],
    };

    public static ChainDefinition Tron { get; } = new()
    {
        Id = "trx", Name = "Tron", Family = ChainFamily.Account, Symbol = "TRX", Decimals = 6, BaseUnit = "sun",
        CurrencyCodes = ["TRX", "TRC20"], Addresses = TronAddressCodec.Instance,
        Support = new ChainSupport(BlockFiles: false, Rpc: false, Trace: false, Cluster: false, Screen: true, Tokens: false),
        Tokens = [new("USDT", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", 6, true, "Tether, Supported Protocols (tether.to)")],
        Limitation = "addresses and screening only: no recorded java-tron or TronGrid responses were found in a public repository to test a parser against, so Tron is not ingested or traced",
        Sources = ["java-tron / TRON protocol documentation (address: 0x41 + 20-byte account, Base58Check)"],
    };

    /// <summary>Every chain, in the order they are listed.</summary>
    public static IReadOnlyList<ChainDefinition> All { get; } = [Bitcoin, Litecoin, BitcoinCash, Dogecoin, Ethereum, BnbSmartChain, Polygon, Arbitrum, Base, Tron];

    /// <summary>The chain with id <paramref name="id"/> (case and spaces ignored), or null.</summary>
    public static ChainDefinition? Find(string? id)
    {
        var key = id?.Trim().ToLowerInvariant();
        return All.FirstOrDefault(c => c.Id == key);
    }

    /// <summary>The chain with id <paramref name="id"/>; a validation error on field <c>chain</c> naming the known ids otherwise.</summary>
    public static ChainDefinition Get(string? id) =>
        Find(id) ?? throw CairnException.Invalid("chain", $"chain '{id}' is not one of {string.Join(", ", All.Select(c => c.Id))}");

    /// <summary>The chain a TagPack or sanctions-list currency code stands for (BTC, XBT, LTC, BEP20…), or null (token codes, other chains).</summary>
    public static ChainDefinition? ForCurrency(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var key = code.Trim();
        return All.FirstOrDefault(c => c.CurrencyCodes.Contains(key, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The UTXO chain whose networks include <paramref name="network"/>.</summary>
    public static ChainDefinition ForNetwork(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return All.First(c => c.Family == ChainFamily.Utxo && c.Id == network.Chain);
    }
}
