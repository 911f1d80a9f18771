using System.Globalization;
using System.Net;
using System.Numerics;
using Cairn.Chains.Ethereum.Ingest;
using Cairn.Chains.Ethereum.Model;
using Cairn.Chains.Ethereum.Transfers;
using Cairn.Index.Ethereum;
using Cairn.Server.Tests.Infrastructure;

namespace Cairn.Server.Tests.Api;

/// <summary>The Ethereum side of the API over an index written with the index writer: status, address, transaction, and a trace.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class EthereumApiTests(DemoServerFixture fixture)
{
    private static string Address(int n) => "0x" + n.ToString("x40", CultureInfo.InvariantCulture);

    private static string TxHash(long block) => "0x" + (block + 1).ToString("x64", CultureInfo.InvariantCulture);

    private static EthBlockBundle Block(long number, int from, int to, BigInteger wei)
    {
        var hash = TxHash(number);
        var tx = new EthTransaction(hash, number, 0, Address(from), Address(to), wei, 0, 0, null, "0x", 2);
        var block = new EthBlock(number, "0x" + (number + 100).ToString("x64", CultureInfo.InvariantCulture), "0x" + (number + 99).ToString("x64", CultureInfo.InvariantCulture), 1_700_000_000 + number * 12, Address(0), 0, [tx]);
        return new EthBlockBundle(block, [new EthReceipt(hash, 0, number, block.Hash, true, 0, 0, null, null, [])],
            [new ValueTransfer(TransferKind.Native, Address(from), Address(to), null, wei, null, hash, number, 0)]);
    }

    private void WriteIndex()
    {
        var directory = Path.Combine(fixture.DataDirectory, "eth-index");
        if (File.Exists(Path.Combine(directory, EthIndexHead.FileName))) return;
        using var writer = EthereumIndexWriter.Open(directory);
        // 10 ETH from the victim (1) to the thief (2), who splits it to 3 and 4; 3 forwards part to 5.
        writer.Append(Block(0, 1, 2, BigInteger.Parse("10000000000000000000", CultureInfo.InvariantCulture)));
        writer.Append(Block(1, 2, 3, BigInteger.Parse("6000000000000000000", CultureInfo.InvariantCulture)));
        writer.Append(Block(2, 2, 4, BigInteger.Parse("4000000000000000000", CultureInfo.InvariantCulture)));
        writer.Append(Block(3, 3, 5, BigInteger.Parse("2500000000000000000", CultureInfo.InvariantCulture)));
        writer.Commit();
        writer.RebuildAdjacency();
    }

    [Fact]
    public async Task EthereumLookupsAndTrace_AnswerFromTheIndex_WithExactWei()
    {
        WriteIndex();
        using var admin = await fixture.AdminAsync();
        var status = await admin.GetJsonAsync("/api/v1/eth/status");
        Assert.True(status["indexed"]!.GetValue<bool>());
        Assert.Equal(4, status["transfers"]!.GetValue<long>());

        var thief = await admin.GetJsonAsync($"/api/v1/eth/address/{Address(2)}");
        Assert.Equal(1, thief["incoming_count"]!.GetValue<int>());
        Assert.Equal(2, thief["outgoing_count"]!.GetValue<int>());
        Assert.Equal("0", thief["net_flow"]![0]!["amount_base_units"]!.GetValue<string>());

        var tx = await admin.GetJsonAsync($"/api/v1/eth/tx/{TxHash(3)}");
        Assert.Equal("2500000000000000000", tx["transfers"]![0]!["amount_base_units"]!.GetValue<string>());
        Assert.Equal("2.5", tx["transfers"]![0]!["amount"]!.GetValue<string>());

        var trace = await admin.PostJsonAsync("/api/v1/trace", new { chain = "eth", from = new[] { Address(2) }, max_hops = 5 });
        Assert.Equal("eth", trace["chain"]!.GetValue<string>());
        var total = trace["endpoints"]!.AsArray().Aggregate(BigInteger.Zero, (sum, e) => sum + BigInteger.Parse(e!["amount"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        Assert.Equal(BigInteger.Parse(trace["traced_amount"]!.GetValue<string>(), CultureInfo.InvariantCulture), total);
        Assert.Contains(trace["endpoints"]!.AsArray(), e => e!["address"]!.GetValue<string>().Equals(Address(5), StringComparison.OrdinalIgnoreCase));

        var backward = await admin.PostAsync("/api/v1/trace", new { chain = "eth", from = new[] { Address(2) }, direction = "backward" });
        Assert.Equal(HttpStatusCode.BadRequest, backward.Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/eth/address/0x12")).Status);
    }
}
