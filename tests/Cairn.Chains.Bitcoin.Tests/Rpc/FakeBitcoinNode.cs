using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Cairn.TestSupport;

namespace Cairn.Chains.Bitcoin.Tests.Rpc;

/// <summary>
/// A minimal stand-in for bitcoind's JSON-RPC server on 127.0.0.1, serving the real mainnet
/// blocks 0–299 from blk00000.dat. Replies as Core does: HTTP 401 with an empty body for bad
/// credentials, HTTP 500 with a JSON-RPC error object for failed calls.
/// </summary>
internal sealed class FakeBitcoinNode : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<(Hash256 Hash, byte[] Raw)> _blocks;
    private readonly string _expectedAuthorization;
    private readonly Task _loop;

    public FakeBitcoinNode(string user, string password)
    {
        _blocks = new BlockFileReader(SharedData.PathOf("nbitcoin", "blocks"), Network.Main).ReadFile(0)
            .Select(r => (BlockHeader.Parse(r.RawBlock.Span).Hash, r.RawBlock.ToArray()))
            .ToList();
        _expectedAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public IReadOnlyList<(Hash256 Hash, byte[] Raw)> Blocks => _blocks;

    public int Requests { get; private set; }

    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under the pending GetContextAsync; that is how the loop ends.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            Requests++;
            using var response = context.Response;
            // One connection per request: the managed HttpListener on Linux now and then closed a kept-alive connection as the
            // client sent its next request on it ("The response ended prematurely", seen once in CI), which no real node does.
            response.KeepAlive = false;
            if (context.Request.Headers["Authorization"] != _expectedAuthorization)
            {
                response.StatusCode = 401;
                continue;
            }
            using var reader = new StreamReader(context.Request.InputStream);
            using var request = JsonDocument.Parse(await reader.ReadToEndAsync());
            var (status, body) = Answer(request.RootElement);
            response.StatusCode = status;
            var bytes = Encoding.UTF8.GetBytes(body);
            response.ContentType = "application/json";
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
        }
    }

    private (int Status, string Body) Answer(JsonElement request)
    {
        var id = request.GetProperty("id").GetRawText();
        var parameters = request.GetProperty("params");
        object? result;
        switch (request.GetProperty("method").GetString())
        {
            case "getblockcount":
                result = _blocks.Count - 1;
                break;
            case "getbestblockhash":
                result = _blocks[^1].Hash.ToString();
                break;
            case "getblockhash":
                var height = parameters[0].GetInt64();
                if (height < 0 || height >= _blocks.Count) return Error(id, -8, "Block height out of range");
                result = _blocks[(int)height].Hash.ToString();
                break;
            case "getblock":
                var hash = Hash256.Parse(parameters[0].GetString()!);
                var index = _blocks.FindIndex(b => b.Hash == hash);
                if (index < 0) return Error(id, -5, "Block not found");
                result = Convert.ToHexStringLower(_blocks[index].Raw);
                break;
            default:
                return Error(id, -32601, "Method not found");
        }
        return (200, $$"""{"result":{{JsonSerializer.Serialize(result)}},"error":null,"id":{{id}}}""");
    }

    private static (int, string) Error(string id, int code, string message) =>
        (500, $$"""{"result":null,"error":{"code":{{code}},"message":"{{message}}"},"id":{{id}}}""");
}
