using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Text.Json;
using Cairn.Chains.Ethereum.Abi;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Chains.Ethereum.Rpc;
using Cairn.TestSupport;

namespace Cairn.Chains.Ethereum.Tests.Node;

/// <summary>
/// A real Ethereum node for tests: Ganache from node_modules on 127.0.0.1 and a free port,
/// deterministic accounts from Ganache's public test mnemonic (--wallet.deterministic; no keys
/// here), chain id 1337 unless given another (56 to stand in for BNB Smart Chain, 137 for Polygon…).
/// Ready when eth_blockNumber answers (polled, never a fixed sleep); killed with its process tree
/// on dispose, which xunit runs after a class's tests pass or fail.
/// </summary>
public sealed class GanacheNode : IAsyncLifetime
{
    public GanacheNode()
        : this(1337)
    {
    }

    public GanacheNode(long chainId) => ChainId = chainId;

    /// <summary>The EIP-155 chain id Ganache answers (<c>--chain.chainId</c>).</summary>
    public long ChainId { get; }

    private Process? _process;
    private readonly HttpClient _http = new(new SocketsHttpHandler()) { Timeout = TimeSpan.FromSeconds(60) };

    public Uri Endpoint { get; private set; } = null!;

    public EthJsonRpcClient Client { get; private set; } = null!;

    public IReadOnlyList<string> Accounts { get; private set; } = [];

    public static JsonElement Artifacts { get; } = LoadArtifacts();

    public async Task InitializeAsync()
    {
        var port = FreePort();
        var cli = Path.Combine(SharedData.RepositoryRoot, "node_modules", "ganache", "dist", "node", "cli.js");
        if (!File.Exists(cli)) throw new InvalidOperationException($"Ganache is not installed at {cli}: run 'npm ci' in {SharedData.RepositoryRoot}");
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { cli, "--wallet.deterministic", "--chain.chainId", ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--server.host", "127.0.0.1", "--server.port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--logging.quiet" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        Client = new EthJsonRpcClient(_http, Endpoint, new EthRpcOptions { MaxRetries = 0 });
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await Client.CallAsync("eth_blockNumber", []);
                break;
            }
            catch (Core.CairnException) when (deadline.Elapsed < TimeSpan.FromSeconds(60) && !_process.HasExited)
            {
                await Task.Delay(100);
            }
        }
        Accounts = (await Client.CallAsync("eth_accounts", [])).EnumerateArray().Select(a => a.GetString()!).ToList();
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
        _process?.WaitForExit(10_000);
        _process?.Dispose();
        _http.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Sends a transaction from an unlocked account and returns its receipt (Ganache mines instantly).</summary>
    public async Task<JsonElement> SendAsync(string from, string? to, BigInteger value, byte[]? data = null)
    {
        var tx = new Dictionary<string, string> { ["from"] = from, ["value"] = Hex.FromQuantity(value), ["gas"] = "0x4c4b40" };
        if (to is not null) tx["to"] = to;
        if (data is not null) tx["data"] = Hex.ToHex(data);
        var hash = (await Client.CallAsync("eth_sendTransaction", [tx])).GetString()!;
        return await Client.CallAsync("eth_getTransactionReceipt", [hash]);
    }

    /// <summary>Deploys a contract from test-contracts/CairnTestContracts.json; returns its address.</summary>
    public async Task<string> DeployAsync(string from, string contract, params object[] constructorArguments)
    {
        var bytecode = Hex.ToBytes(Artifacts.GetProperty("contracts").GetProperty(contract).GetProperty("bytecode").GetString()!);
        var receipt = await SendAsync(from, null, 0, [.. bytecode, .. AbiCodec.Encode([], constructorArguments)]);
        return receipt.GetProperty("contractAddress").GetString()!;
    }

    public Task<JsonElement> InvokeAsync(string from, string contract, string signature, BigInteger value, params object[] arguments) =>
        SendAsync(from, contract, value, AbiCodec.Encode(AbiCodec.Selector(signature), arguments));

    public async Task<long> BlockNumberAsync() => Hex.ToInt64((await Client.CallAsync("eth_blockNumber", [])).GetString()!);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static JsonElement LoadArtifacts()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "test-contracts", "CairnTestContracts.json")));
        return document.RootElement.Clone();
    }
}
