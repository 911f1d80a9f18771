using System.Globalization;
using System.Net;
using System.Numerics;
using Cairn.Server.Tests.Infrastructure;

namespace Cairn.Server.Tests.Api;

/// <summary>The Ethereum side of the API over an index written with the index writer: status, address, transaction, and a trace.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class EthereumApiTests(DemoServerFixture fixture)
{
    [Fact]
    public async Task EthereumLookupsAndTrace_AnswerFromTheIndex_WithExactWei()
    {
        SmallEthereumIndex.WriteInto(fixture.DataDirectory);
        using var admin = await fixture.AdminAsync();
        var status = await admin.GetJsonAsync("/api/v1/eth/status");
        Assert.True(status["indexed"]!.GetValue<bool>());
        Assert.Equal(4, status["transfers"]!.GetValue<long>());

        var thief = await admin.GetJsonAsync($"/api/v1/eth/address/{SmallEthereumIndex.Address(2)}");
        Assert.Equal(1, thief["incoming_count"]!.GetValue<int>());
        Assert.Equal(2, thief["outgoing_count"]!.GetValue<int>());
        Assert.Equal("0", thief["net_flow"]![0]!["amount_base_units"]!.GetValue<string>());

        var tx = await admin.GetJsonAsync($"/api/v1/eth/tx/{SmallEthereumIndex.TxHash(3)}");
        Assert.Equal("2500000000000000000", tx["transfers"]![0]!["amount_base_units"]!.GetValue<string>());
        Assert.Equal("2.5", tx["transfers"]![0]!["amount"]!.GetValue<string>());

        var trace = await admin.PostJsonAsync("/api/v1/trace", new { chain = "eth", from = new[] { SmallEthereumIndex.Address(2) }, max_hops = 5 });
        Assert.Equal("eth", trace["chain"]!.GetValue<string>());
        var total = trace["endpoints"]!.AsArray().Aggregate(BigInteger.Zero, (sum, e) => sum + BigInteger.Parse(e!["amount"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        Assert.Equal(BigInteger.Parse(trace["traced_amount"]!.GetValue<string>(), CultureInfo.InvariantCulture), total);
        Assert.Contains(trace["endpoints"]!.AsArray(), e => e!["address"]!.GetValue<string>().Equals(SmallEthereumIndex.Address(5), StringComparison.OrdinalIgnoreCase));

        var backward = await admin.PostAsync("/api/v1/trace", new { chain = "eth", from = new[] { SmallEthereumIndex.Address(2) }, direction = "backward" });
        Assert.Equal(HttpStatusCode.BadRequest, backward.Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/eth/address/0x12")).Status);
    }
}
