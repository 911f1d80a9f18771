using System.Numerics;
using System.Text.Json;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Cli;

namespace Cairn.Chains.Ethereum.Tests.Node;

/// <summary>
/// The EVM chains beyond Ethereum through the same ingest, each on a Ganache node started with that
/// chain's EIP-155 id: `cairn bsc|polygon|arbitrum|base ingest` into the chain's own index, the native
/// coin named with the chain's symbol, a token traced by the symbol the registry lists for the chain
/// or by its contract, and a node answering another chain's id refused.
/// </summary>
public class EvmChainsGanacheTests
{
    private static readonly BigInteger OneCoin = BigInteger.Pow(10, 18);

    [Theory]
    [InlineData("bsc", 56L, "BNB")]
    [InlineData("polygon", 137L, "POL")]
    [InlineData("arbitrum", 42161L, "ETH")]
    [InlineData("base", 8453L, "ETH")]
    public async Task Chain_IngestsFromANodeWithItsChainId_AndNamesItsNativeCoin(string chain, long chainId, string symbol)
    {
        var node = await StartAsync(chainId);
        var data = Directory.CreateTempSubdirectory("cairn-evm-").FullName;
        try
        {
            var (alice, bob, carol) = (node.Accounts[0], node.Accounts[1], node.Accounts[2]);
            await node.SendAsync(alice, bob, 3 * OneCoin);
            await node.SendAsync(bob, carol, OneCoin);
            var token = await node.DeployAsync(alice, "CairnToken", "Cairn Test Token", "CTK", 6, new BigInteger(1_000_000_000_000));
            await node.InvokeAsync(alice, token, "transfer(address,uint256)", 0, bob, new BigInteger(250_000_000));

            var (code, output, error) = Run(data, chain, "ingest", "--rpc", node.Endpoint.ToString(), "--json");
            Assert.True(code == 0, error);
            Assert.True(Directory.Exists(Path.Combine(data, chain + "-index")));
            Assert.False(Directory.Exists(Path.Combine(data, "eth-index")));

            (code, output, error) = Run(data, chain, "address", bob, "--json");
            Assert.True(code == 0, error);
            using (var json = JsonDocument.Parse(output))
            {
                var assets = json.RootElement.GetProperty("incoming").EnumerateArray().Select(t => t.GetProperty("asset").GetString()).ToList();
                Assert.Contains(symbol, assets);
                Assert.Contains("CTK", assets);
            }

            (code, output, error) = Run(data, "trace", "--chain", chain, "--from", alice, "--json", "--no-intel");
            Assert.True(code == 0, error);
            using (var json = JsonDocument.Parse(output))
            {
                Assert.Equal(chain, json.RootElement.GetProperty("chain").GetString());
                Assert.Equal(symbol, json.RootElement.GetProperty("asset").GetString());
                Assert.Contains(json.RootElement.GetProperty("endpoints").EnumerateArray(), e => e.GetProperty("address").GetString() == carol.ToLowerInvariant() || e.GetProperty("address").GetString() == EthAddress.ToChecksum(carol));
            }

            (code, output, error) = Run(data, "trace", "--chain", chain, "--from", alice, "--asset", token, "--json", "--no-intel");
            Assert.True(code == 0, error);
            using (var json = JsonDocument.Parse(output)) Assert.Equal("CTK", json.RootElement.GetProperty("asset").GetString());
        }
        finally
        {
            await node.DisposeAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Ingest_FromANodeOfAnotherChain_IsRefusedNamingBothIds()
    {
        var node = await StartAsync(56);
        var data = Directory.CreateTempSubdirectory("cairn-evm-").FullName;
        try
        {
            var (code, _, error) = Run(data, "polygon", "ingest", "--rpc", node.Endpoint.ToString());

            Assert.Equal(1, code);
            Assert.Contains("answers chain id 56, not 137 (Polygon PoS)", error, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(data, "polygon-index", "head.json")));
        }
        finally
        {
            await node.DisposeAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<GanacheNode> StartAsync(long chainId)
    {
        var node = new GanacheNode(chainId);
        await node.InitializeAsync();
        Assert.Equal(chainId, await node.Client.ChainIdAsync());
        return node;
    }

    private static (int, string, string) Run(string data, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliHost.Run([.. args, "--data", data], output, error);
        return (code, output.ToString(), error.ToString());
    }
}
