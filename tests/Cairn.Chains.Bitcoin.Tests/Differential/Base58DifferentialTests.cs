using NBitcoin.DataEncoders;

namespace Cairn.Chains.Bitcoin.Tests.Differential;

/// <summary>
/// The limb-based Base58 encoder against NBitcoin's (test-only reference): the same text for random byte strings of every
/// length up to 200, with runs of leading zero bytes (each one a '1') and values that fill or just miss a limb.
/// </summary>
public class Base58DifferentialTests
{
    [Fact]
    public void RandomBytes_EncodeAsNBitcoinEncodesThem_AndDecodeBack()
    {
        var random = new Random(58);
        var reference = Encoders.Base58;
        for (var round = 0; round < 5_000; round++)
        {
            var data = new byte[random.Next(0, 201)];
            random.NextBytes(data);
            var leadingZeros = data.Length == 0 ? 0 : random.Next(0, Math.Min(data.Length, 6) + 1);
            Array.Clear(data, 0, leadingZeros);
            if (round % 7 == 0 && data.Length > leadingZeros) Array.Fill(data, (byte)0xff, leadingZeros, data.Length - leadingZeros);
            var expected = reference.EncodeData(data);
            var encoded = Base58.Encode(data);
            Assert.True(expected == encoded, $"round {round}: {Convert.ToHexString(data)}");
            Assert.Equal(data, Base58.Decode(encoded));
        }
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("00", "1")]
    [InlineData("0000", "11")]
    [InlineData("39", "z")]
    [InlineData("3a", "21")]
    [InlineData("61", "2g")]
    [InlineData("00000000000000000000", "1111111111")]
    [InlineData("271F359E", "zzzzy")]
    [InlineData("271F359F", "zzzzz")]
    [InlineData("271F35A0", "211111")]
    public void EdgeValues_EncodeToTheirKnownText(string hex, string text) =>
        Assert.Equal(text, Base58.Encode(Convert.FromHexString(hex)));
}
