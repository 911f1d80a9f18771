using Cairn.Core;

namespace Cairn.Chains.Bitcoin.Tests.Hashing;

public class Hash256Tests
{
    private const string GenesisDisplay = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f";

    [Fact]
    public void Parse_ThenToString_GivesTheSameDisplayHex()
    {
        Assert.Equal(GenesisDisplay, Hash256.Parse(GenesisDisplay).ToString());
        Assert.Equal(GenesisDisplay, Hash256.Parse(GenesisDisplay.ToUpperInvariant()).ToString());
    }

    [Fact]
    public void WireBytes_AreTheDisplayBytesReversed()
    {
        var hash = Hash256.Parse(GenesisDisplay);
        var wire = hash.ToWireBytes();
        Assert.Equal(0x6f, wire[0]);
        Assert.Equal(0x00, wire[31]);
        Assert.Equal(hash, Hash256.FromWire(wire));
    }

    [Fact]
    public void DoubleSha256_OfTheGenesisHeader_IsTheGenesisHash()
    {
        // Genesis block header (chainparams.cpp CreateGenesisBlock).
        var header = Convert.FromHexString(
            "0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c");
        Assert.Equal(GenesisDisplay, DoubleSha256.Compute(header).ToString());
    }

    [Fact]
    public void Equality_FollowsTheBytes()
    {
        var a = Hash256.Parse(GenesisDisplay);
        var b = Hash256.FromWire(a.ToWireBytes());
        var wire = a.ToWireBytes();
        wire[31] ^= 1;
        var c = Hash256.FromWire(wire);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != c);
        Assert.True(Hash256.Zero.IsZero);
        Assert.False(a.IsZero);
    }

    [Theory]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("zz0000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f")]
    public void Parse_Malformed_ThrowsCairnException(string text)
    {
        var ex = Assert.Throws<CairnException>(() => Hash256.Parse(text));
        Assert.Contains("malformed hash", ex.Message, StringComparison.Ordinal);
    }
}
