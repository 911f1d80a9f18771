using Cairn.Chains.Ethereum.Encoding;
using Cairn.Core;

namespace Cairn.Chains.Ethereum.Tests.Encoding;

public class EthAddressTests
{
    // The four reference addresses of EIP-55 ("all caps", "all lower", "normal" examples).
    [Theory]
    [InlineData("0x52908400098527886E0F7030069857D2E4169EE7")]
    [InlineData("0x8617E340B3D01FA5F11F306F4090FD50E238070D")]
    [InlineData("0xde709f2102306220921060314715629080e2fb77")]
    [InlineData("0x27b1fdb04752bbc536007a920d24acb045561c26")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void IsValidChecksum_Eip55Examples_AreValid(string address) => Assert.True(EthAddress.IsValidChecksum(address));

    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void ToChecksum_LowerCaseInput_ReproducesEip55Example(string expected) =>
        Assert.Equal(expected, EthAddress.ToChecksum(expected.ToLowerInvariant()));

    [Theory]
    [InlineData("0x52908400098527886E0F7030069857D2E4169EE7")]
    [InlineData("0x8617E340B3D01FA5F11F306F4090FD50E238070D")]
    [InlineData("0xde709f2102306220921060314715629080e2fb77")]
    [InlineData("0x27b1fdb04752bbc536007a920d24acb045561c26")]
    public void ToChecksum_AllCapsAndAllLowerExamples_AreTheirOwnChecksum(string expected) =>
        Assert.Equal(expected, EthAddress.ToChecksum(expected));

    [Fact]
    public void IsValidChecksum_OneLetterCaseFlipped_IsInvalid() =>
        Assert.False(EthAddress.IsValidChecksum("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"));

    [Fact]
    public void Normalize_WrongChecksum_ThrowsNamingTheAddress()
    {
        var error = Assert.Throws<CairnException>(() => EthAddress.Normalize("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
        Assert.Contains("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0x1234")]
    [InlineData("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed00")]
    [InlineData("0xzzAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    public void Normalize_Malformed_Throws(string text) => Assert.Throws<CairnException>(() => EthAddress.Normalize(text));

    [Fact]
    public void ToChecksum_AnyAddress_ValidatesAndRoundTripsToLowerCase()
    {
        var property = FsCheck.Fluent.Prop.ForAll(FsCheck.Fluent.ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            var address = new byte[20];
            bytes.AsSpan(0, Math.Min(20, bytes.Length)).CopyTo(address);
            var checksummed = EthAddress.ToChecksum(address);
            return EthAddress.IsValidChecksum(checksummed) && EthAddress.Normalize(checksummed) == Hex.ToHex(address);
        });
        FsCheck.Check.QuickThrowOnFailure(property);
    }
}
