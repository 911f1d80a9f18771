namespace Cairn.Chains.Tests;

/// <summary>Each chain's address codec: validity and the matching key.</summary>
public class AddressCodecTests
{
    [Theory]
    [InlineData("bch", "bitcoincash:qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq", "qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq")]
    [InlineData("bch", "QPF2CPHC5DKUCLKQUR7LHJ2YUQQ9PK3HMUKLE77VHQ", "qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq")]
    [InlineData("bch", "18M8bJWMzWHDBMxoLqjHHAffdRy4SrzkfB", "18M8bJWMzWHDBMxoLqjHHAffdRy4SrzkfB")]
    [InlineData("ltc", "LNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfb", "LNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfb")]
    [InlineData("trx", "TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre", "TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre")]
    [InlineData("eth", "0x19AA5FE80D33A56D56C78E82EA5E50E5D80B4DFF", "0x19aa5fe80d33a56d56c78e82ea5e50e5d80b4dff")]
    public void ValidAddress_HasItsChainsMatchingKey(string chain, string address, string key)
    {
        Assert.True(ChainRegistry.Get(chain).Addresses.TryNormalize(address, out var normalized, out var error), error);
        Assert.Equal(key, normalized);
    }

    [Theory]
    [InlineData("ltc", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "unknown version byte 0x00")]
    [InlineData("doge", "LNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfb", "unknown version byte 0x30")]
    [InlineData("trx", "TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLrf", "bad checksum")]
    [InlineData("trx", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "prefix 0x00, expected 0x41")]
    [InlineData("bch", "bitcoincash:qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhr", "bad checksum")]
    public void InvalidAddress_IsRefusedWithTheReason(string chain, string address, string reason)
    {
        Assert.False(ChainRegistry.Get(chain).Addresses.TryNormalize(address, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TronHexAddress_IsTheSameAccountAsItsBase58Form()
    {
        Assert.True(TronAddress.TryDecode("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", out var account, out _));
        var hex = "41" + Convert.ToHexStringLower(account);

        Assert.True(TronAddressCodec.Instance.TryNormalize(hex, out var key, out _));
        Assert.Equal("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", key);
        // The contract behind Tron's USDT as EVM logs name it.
        Assert.Equal("a614f803b6fd780986a42c78ec9c7f77e6ded13c", Convert.ToHexStringLower(account));
    }
}
