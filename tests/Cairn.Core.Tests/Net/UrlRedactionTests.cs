using Cairn.Core.Net;

namespace Cairn.Core.Tests.Net;

public class UrlRedactionTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8545", "http://127.0.0.1:8545")]
    [InlineData("http://127.0.0.1:8332/", "http://127.0.0.1:8332")]
    [InlineData("https://user:pass@mainnet.infura.io/v3/0123456789abcdef", "https://mainnet.infura.io/…")]
    [InlineData("https://eth.example.org/?apikey=SECRET", "https://eth.example.org/…")]
    [InlineData("http://[::1]:8545/path#frag", "http://[::1]:8545/…")]
    [InlineData("http://rpcuser:rpcpassword@10.0.0.5:8332/wallet/w1", "http://10.0.0.5:8332/…")]
    public void ForDisplay_KeepsSchemeHostAndPortOnly(string url, string expected) =>
        Assert.Equal(expected, UrlRedaction.ForDisplay(url));

    [Theory]
    [InlineData("not a url with password hunter2")]
    [InlineData("")]
    [InlineData(null)]
    public void ForDisplay_OfUnparseableText_NeverEchoesIt(string? text) =>
        Assert.Equal("(unparseable URL)", UrlRedaction.ForDisplay(text));
}
