using Cairn.Intel.Addresses;
using Cairn.Intel.Import;
using Cairn.Intel.Screening;
using Cairn.Intel.Tests.Screening;
using Cairn.TestSupport;

namespace Cairn.Intel.Tests.Chains;

/// <summary>
/// Screening over every chain of the registry, against the real OFAC lists (LTC, BCH, TRX, BSC, ARB and
/// the token lists) and GraphSense TagPacks: addresses are matched in their chain's form, a chain id
/// keeps that chain's listings (and token listings valid on it), malformed addresses of a chain are
/// refused at import.
/// </summary>
public sealed class ChainScreeningTests(ScreeningFixture fixture) : IClassFixture<ScreeningFixture>
{
    private readonly Screener _screener = new(fixture.Index);

    [Fact]
    public void OfacLitecoinAddress_HitsWithChainLtc()
    {
        var result = _screener.Screen("LNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfb", "ltc");
        Assert.Equal(ScreeningStatus.Hit, result.Status);
        Assert.All(result.Hits, h => Assert.Equal("LTC", h.Currency));
    }

    [Theory]
    [InlineData("qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq")]
    [InlineData("bitcoincash:qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq")]
    [InlineData("BITCOINCASH:QPF2CPHC5DKUCLKQUR7LHJ2YUQQ9PK3HMUKLE77VHQ")]
    public void OfacBitcoinCashAddress_HitsInEveryCashAddrForm(string written)
    {
        var result = _screener.Screen(written, "bch");
        Assert.Equal(ScreeningStatus.Hit, result.Status);
        Assert.Equal("qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq", result.Normalized);
    }

    [Fact]
    public void TronAddressOnTheUsdtList_HitsWithChainTrx_ButNotWithLtc()
    {
        // OFAC lists some Tron addresses under USDT (TRC-20) only: a token listing counts on the chain the address is valid on.
        var tronUsdt = fixture.Sanctions.First(s => s.Currency == "USDT" && s.Address.StartsWith('T')).Address;

        Assert.Equal(ScreeningStatus.Hit, _screener.Screen(tronUsdt, "trx").Status);
        Assert.Equal(ScreeningStatus.NoHit, _screener.Screen(tronUsdt, "ltc").Status);
    }

    [Theory]
    [InlineData("bsc")]
    [InlineData("arbitrum")]
    [InlineData("polygon")]
    [InlineData("base")]
    public void EvmAddressListedForBscAndArbitrum_IsScreenedAsEvmOnEveryEvmChain(string chain)
    {
        var result = _screener.Screen("0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c", chain);
        Assert.Equal(AddressFamily.Ethereum, result.Family);
        Assert.Equal(ScreeningStatus.Hit, result.Status);
    }

    [Theory]
    [InlineData("LTC", "LNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfc")]
    [InlineData("DOGE", "DNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfb")]
    [InlineData("BCH", "bitcoincash:qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhr")]
    [InlineData("TRX", "TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLrf")]
    public void MalformedAddressOfARegistryChain_IsRefusedByTheNormalizer(string currency, string address) =>
        Assert.False(AddressNormalizer.Default.TryNormalize(currency, address, out _, out _));

    [Fact]
    public void GraphSenseTagPacks_LitecoinAndBitcoinCashTags_AreImportedWithTheirChainsChecks()
    {
        var tags = SharedData.AllTagPacks.SelectMany(p => TagPackReader.Default.ReadFile(p).Content?.Tags ?? []).Where(t => t.Currency is "LTC" or "BCH" or "TRX").ToList();
        Assert.NotEmpty(tags);
        var valid = tags.Count(t => AddressNormalizer.Default.TryNormalize(t.Currency, t.Identifier, out _, out _));
        // Every tag of those chains in GraphSense's public packs is a valid address of its chain.
        Assert.Equal(tags.Count(t => t.Subject == Tags.TagSubject.Address), valid);
    }
}
