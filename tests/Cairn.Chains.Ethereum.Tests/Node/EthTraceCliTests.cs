using Cairn.TestSupport.Node;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Cli;

namespace Cairn.Chains.Ethereum.Tests.Node;

/// <summary>
/// `cairn trace --chain eth` over the index ingested from Ganache, with Dave tagged as an exchange
/// through `cairn intel import`. Alice's 5 ETH: Bob forwards 2 to Carol, Carol's 3 ETH split sends
/// 2 to Dave and 1 to Bob internally; FIFO puts Carol's 2 tainted ETH on Dave's internal transfer.
/// </summary>
public class EthTraceCliTests(ScenarioFixture fixture) : IClassFixture<ScenarioFixture>
{
    private static readonly string TwoEther = (2 * Scenario.OneEther).ToString(CultureInfo.InvariantCulture);

    private void ImportDaveAsExchange()
    {
        var actors = Path.Combine(fixture.DataDirectory, "actors.yaml");
        var tags = Path.Combine(fixture.DataDirectory, "tags.yaml");
        File.WriteAllText(actors, "title: Test actors\ncreator: test\nactors:\n- id: dave-exchange\n  label: Dave Exchange (fictional)\n  categories: [exchange]\n  jurisdictions: [DE]\n");
        File.WriteAllText(tags, $"title: Test tags\ncreator: test\ncurrency: ETH\nconfidence: service_data\nsource: test\ntags:\n- address: '{EthAddress.ToChecksum(fixture.Scenario.Dave)}'\n  label: Dave Exchange hot wallet\n  category: exchange\n  actor: dave-exchange\n");
        Assert.Equal(0, Run("intel", "import", "actorpack", actors).Code);
        Assert.Equal(0, Run("intel", "import", "tagpack", tags).Code);
    }

    [NodeFact("ganache")]
    public void TraceEth_Fifo_EndsAtTheTaggedExchangeAndConserves()
    {
        ImportDaveAsExchange();

        var (code, output, error) = Run("trace", "--chain", "eth", "--from", fixture.Scenario.Alice, "--json");

        Assert.True(code == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("fifo", json.GetProperty("request").GetProperty("model").GetString());
        var endpoints = json.GetProperty("endpoints").EnumerateArray().ToList();
        var dave = Assert.Single(endpoints, e => e.GetProperty("address").GetString() == EthAddress.ToChecksum(fixture.Scenario.Dave));
        Assert.Equal(("attributed_service", "dave-exchange", TwoEther, "2"),
            (dave.GetProperty("reason").GetString(), dave.GetProperty("actor").GetString(), dave.GetProperty("amount").GetString(), dave.GetProperty("amount_decimal").GetString()));
        Assert.Equal("DE", dave.GetProperty("jurisdictions")[0].GetString());
        Assert.Equal(0.5, dave.GetProperty("confidence").GetDouble(), 6);
        var total = endpoints.Aggregate(BigInteger.Zero, (sum, e) => sum + BigInteger.Parse(e.GetProperty("amount").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(BigInteger.Parse(json.GetProperty("traced_amount").GetString()!, CultureInfo.InvariantCulture), total);
        Assert.Equal("DE", json.GetProperty("jurisdictions")[0].GetProperty("jurisdiction").GetString());
    }

    [NodeFact("ganache")]
    public void TraceEth_Backward_ExitsOneSayingForwardOnly()
    {
        var (code, _, error) = Run("trace", "--chain", "eth", "--from", fixture.Scenario.Alice, "--direction", "backward");

        Assert.Equal(1, code);
        Assert.Equal("error: direction 'backward': Ethereum traces go forward only", error.Trim());
    }

    [NodeFact("ganache")]
    public void TraceEth_TokenAsset_FollowsTheTokenOnly()
    {
        var (code, output, error) = Run("trace", "--chain", "eth", "--from", fixture.Scenario.Alice, "--asset", fixture.Scenario.Token, "--json", "--no-intel");

        Assert.True(code == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("CTK", json.GetProperty("asset").GetString());
        var endpoints = json.GetProperty("endpoints").EnumerateArray().ToDictionary(e => e.GetProperty("address").GetString()!, e => e.GetProperty("amount").GetString());
        // Alice's 250 CTK to Bob; Bob passes 100 on to Carol (FIFO: all tainted).
        Assert.Equal("150000000", endpoints[EthAddress.ToChecksum(fixture.Scenario.Bob)]);
        Assert.Equal("100000000", endpoints[EthAddress.ToChecksum(fixture.Scenario.Carol)]);
    }

    private (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliHost.Run([.. args, "--data", fixture.DataDirectory], output, error);
        return (code, output.ToString(), error.ToString());
    }
}
