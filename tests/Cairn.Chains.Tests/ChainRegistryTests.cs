using Cairn.Chains.Bitcoin;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Core;
using Cairn.TestSupport;

namespace Cairn.Chains.Tests;

/// <summary>The registry describes each chain once, with parameters that agree with the chains' own data.</summary>
public class ChainRegistryTests
{
    [Fact]
    public void Registry_ListsTheTenChains_WithGraphSenseCodesAsIds()
    {
        Assert.Equal(["btc", "ltc", "bch", "doge", "eth", "bsc", "polygon", "arbitrum", "base", "trx"], ChainRegistry.All.Select(c => c.Id));
        // GraphSense's currency codes are the ids of the chains it supports.
        foreach (var id in new[] { "btc", "ltc", "bch", "eth", "trx" }) Assert.Equal(id.ToUpperInvariant(), ChainRegistry.Get(id).CurrencyCode);
    }

    [Fact]
    public void UnknownChain_IsAValidationErrorOnChainListingTheIds()
    {
        var error = Assert.Throws<CairnException>(() => ChainRegistry.Get("xmr"));
        Assert.Equal("chain", error.Field);
        Assert.Equal("chain 'xmr' is not one of btc, ltc, bch, doge, eth, bsc, polygon, arbitrum, base, trx", error.Message);
    }

    [Theory]
    [InlineData("eth", 1L)]
    [InlineData("bsc", 56L)]
    [InlineData("polygon", 137L)]
    [InlineData("arbitrum", 42161L)]
    [InlineData("base", 8453L)]
    public void EvmChains_CarryTheirEip155ChainIds(string id, long chainId) => Assert.Equal(chainId, ChainRegistry.Get(id).EvmChainId);

    [Fact]
    public void EveryUtxoChain_HasItsMainnetNetwork_AndEveryOtherChainNone()
    {
        foreach (var chain in ChainRegistry.All)
        {
            Assert.Equal(chain.Family == ChainFamily.Utxo, chain.Network is not null);
            if (chain.Network is { } network) Assert.Equal(chain.Id, network.Chain);
        }
    }

    [Fact]
    public void EveryEvmTokenContract_IsAValidEip55Address()
    {
        foreach (var token in ChainRegistry.All.Where(c => c.EvmChainId is not null).SelectMany(c => c.Tokens))
        {
            Assert.True(EthAddress.IsValidChecksum(token.Contract), $"{token.Symbol} {token.Contract} has a wrong EIP-55 checksum");
            Assert.Equal(token.Contract, EthAddress.ToChecksum(token.Contract.ToLowerInvariant()));
            Assert.False(string.IsNullOrWhiteSpace(token.Source));
        }
    }

    [Fact]
    public void TronUsdtContract_IsAValidTronAddress()
    {
        var usdt = ChainRegistry.Tron.Tokens.Single(t => t.Symbol == "USDT");
        Assert.True(TronAddressCodec.Instance.TryNormalize(usdt.Contract, out _, out var error), error);
    }

    [Theory]
    [InlineData("XBT", "btc")]
    [InlineData("btc", "btc")]
    [InlineData("LTC", "ltc")]
    [InlineData("BCH", "bch")]
    [InlineData("DOGE", "doge")]
    [InlineData("BEP20", "bsc")]
    [InlineData("MATIC", "polygon")]
    [InlineData("ARB", "arbitrum")]
    [InlineData("TRX", "trx")]
    public void CurrencyCodes_OfTagPacksAndOfacLists_MapToChains(string code, string chain) =>
        Assert.Equal(chain, ChainRegistry.ForCurrency(code)?.Id);

    [Theory]
    [InlineData("USDT")]
    [InlineData("USDC")]
    [InlineData("XMR")]
    public void TokenAndUnknownCodes_MapToNoChain(string code) => Assert.Null(ChainRegistry.ForCurrency(code));

    [Fact]
    public void EveryOfacAssetList_OfAChainInTheRegistry_HoldsValidAddressesOfThatChain_SaveListingMistakesOfAnotherChain()
    {
        var misfiled = new List<string>();
        foreach (var file in Directory.EnumerateFiles(SharedData.OfacLists, "sanctioned_addresses_*.txt"))
        {
            var code = Path.GetFileNameWithoutExtension(file)["sanctioned_addresses_".Length..];
            if (ChainRegistry.ForCurrency(code) is not { } chain) continue;
            foreach (var address in File.ReadLines(file).Select(l => l.Trim()).Where(l => l.Length > 0))
            {
                // OFAC's BCH list carries legacy "1…" addresses next to CashAddr ones; both are Bitcoin Cash forms.
                if (chain.Addresses.TryNormalize(address, out _, out var error)) continue;
                // A listing mistake must at least be another chain's address, never noise.
                Assert.True(ChainRegistry.All.Any(c => c.Addresses.TryNormalize(address, out _, out _)), $"{code} {address}: {error}");
                misfiled.Add($"{code} {address}");
            }
        }
        // The one known mix-up: a Tron address on the XBT list.
        Assert.Equal(["XBT TUCsTq7TofTCJRRoHk6RvhMoS2mJLm5Yzq"], misfiled);
    }

    [Fact]
    public void Bitcoin_IsTheBtcInstanceOfTheUtxoFamily_WithBitcoinCoresMainnet() =>
        Assert.Same(Network.Main, ChainRegistry.Bitcoin.Network);
}
