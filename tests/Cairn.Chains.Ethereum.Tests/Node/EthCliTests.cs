using Cairn.TestSupport.Node;
using System.Text.Json;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Cli;

namespace Cairn.Chains.Ethereum.Tests.Node;

/// <summary>`cairn eth address` and `cairn eth tx` over the index ingested from Ganache.</summary>
public class EthCliTests(ScenarioFixture fixture) : IClassFixture<ScenarioFixture>
{
    [NodeFact("ganache")]
    public void Address_Json_ListsTransfersWithExactAmountsAsStrings()
    {
        var (code, output, error) = Run("eth", "address", EthAddress.ToChecksum(fixture.Scenario.Bob), "--json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(EthAddress.ToChecksum(fixture.Scenario.Bob), json.RootElement.GetProperty("address").GetString());
        var incoming = json.RootElement.GetProperty("incoming").EnumerateArray().ToList();
        Assert.Contains(incoming, t => t.GetProperty("kind").GetString() == "internal" && t.GetProperty("amount_base_units").GetString() == "1000000000000000000" && t.GetProperty("amount").GetString() == "1");
        Assert.Contains(incoming, t => t.GetProperty("asset").GetString() == "CTK" && t.GetProperty("amount_base_units").GetString() == "250000000" && t.GetProperty("amount").GetString() == "250");
    }

    [NodeFact("ganache")]
    public void Tx_Json_ShowsTheInternalTransfersOfTheSplit()
    {
        var (code, output, error) = Run("eth", "tx", fixture.Scenario.SplitTransaction, "--json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("success", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(["native", "internal", "internal"], json.RootElement.GetProperty("transfers").EnumerateArray().Select(t => t.GetProperty("kind").GetString()!));
    }

    [NodeFact("ganache")]
    public void Address_Table_NamesTheAddressChecksummed()
    {
        var (code, output, _) = Run("eth", "address", fixture.Scenario.Carol);
        Assert.Equal(0, code);
        Assert.Contains(EthAddress.ToChecksum(fixture.Scenario.Carol), output, StringComparison.Ordinal);
    }

    [NodeFact("ganache")]
    public void Address_Unknown_ExitsOneWithAOneLineError()
    {
        var (code, _, error) = Run("eth", "address", "0x00000000000000000000000000000000000000aa");
        Assert.Equal(1, code);
        Assert.StartsWith("error: address 0x00000000000000000000000000000000000000aa has no transfers", error, StringComparison.Ordinal);
    }

    [NodeFact("ganache")]
    public void Ingest_UnreachableNode_ExitsOneNamingTheUrl()
    {
        var (code, _, error) = Run("eth", "ingest", "--rpc", "http://127.0.0.1:9", "--data", Path.Combine(fixture.DataDirectory, "unreachable"));
        Assert.Equal(1, code);
        Assert.Contains("http://127.0.0.1:9", error, StringComparison.Ordinal);
    }

    private (int, string, string) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliHost.Run([.. args, .. args.Contains("--data") ? Array.Empty<string>() : ["--data", fixture.DataDirectory]], output, error);
        return (code, output.ToString(), error.ToString());
    }
}
