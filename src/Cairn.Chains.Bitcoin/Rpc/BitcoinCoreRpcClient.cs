using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cairn.Core;
using Cairn.Core.Net;

namespace Cairn.Chains.Bitcoin;

/// <summary>
/// The few Bitcoin Core JSON-RPC calls ingest needs (getblockcount, getblockhash, getblock
/// with verbosity 0 for raw bytes, getbestblockhash). The <see cref="HttpClient"/> is the
/// caller's, so its lifetime and timeout are too. Every failure a user can fix (node down,
/// wrong credentials, unknown block) becomes one <see cref="CairnException"/> line naming
/// the node by scheme, host and port only (<see cref="UrlRedaction"/>: no credentials, path or
/// query) and the problem.
/// </summary>
public sealed class BitcoinCoreRpcClient
{
    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly string _display;
    private readonly string? _authorization;
    private long _nextId;

    public BitcoinCoreRpcClient(HttpClient httpClient, Uri endpoint, RpcCredentials? credentials = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(endpoint);
        _http = httpClient;
        // Credentials may also come in the URL (http://user:password@host:8332/); never print them.
        if (credentials is null && !string.IsNullOrEmpty(endpoint.UserInfo))
        {
            var parts = Uri.UnescapeDataString(endpoint.UserInfo).Split(':', 2);
            credentials = RpcCredentials.FromUserPassword(parts[0], parts.Length > 1 ? parts[1] : "");
        }
        _endpoint = UrlRedaction.WithoutUserInfo(endpoint);
        _display = UrlRedaction.ForDisplay(endpoint);
        _authorization = credentials?.ToBasicAuthorization();
    }

    /// <summary>The node's URL, without credentials.</summary>
    public Uri Endpoint => _endpoint;

    /// <summary>The node as messages name it: scheme, host and port.</summary>
    public string DisplayEndpoint => _display;

    public async Task<long> GetBlockCountAsync(CancellationToken cancellationToken = default)
    {
        var result = await CallAsync("getblockcount", [], cancellationToken).ConfigureAwait(false);
        return result.GetInt64();
    }

    public async Task<Hash256> GetBlockHashAsync(long height, CancellationToken cancellationToken = default)
    {
        var result = await CallAsync("getblockhash", [height], cancellationToken).ConfigureAwait(false);
        return ParseHash(result, "getblockhash");
    }

    public async Task<Hash256> GetBestBlockHashAsync(CancellationToken cancellationToken = default)
    {
        var result = await CallAsync("getbestblockhash", [], cancellationToken).ConfigureAwait(false);
        return ParseHash(result, "getbestblockhash");
    }

    /// <summary>The raw serialized block (<c>getblock &lt;hash&gt; 0</c>), ready for <see cref="Block.Parse"/>.</summary>
    public async Task<byte[]> GetBlockAsync(Hash256 hash, CancellationToken cancellationToken = default)
    {
        var result = await CallAsync("getblock", [hash.ToString(), 0], cancellationToken).ConfigureAwait(false);
        if (result.ValueKind != JsonValueKind.String)
            throw new CairnException($"Bitcoin Core at {_display}: getblock returned {result.ValueKind}, expected hex");
        var hex = result.GetString()!;
        try
        {
            return HexText.Decode(hex, "getblock result");
        }
        catch (CairnException ex)
        {
            throw new CairnException($"Bitcoin Core at {_display}: {ex.Message}", ex);
        }
    }

    /// <summary>Calls any method; returns the <c>result</c> member (cloned, so it outlives the response).</summary>
    public async Task<JsonElement> CallAsync(string method, object?[] parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(parameters);
        var id = Interlocked.Increment(ref _nextId);
        var body = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["jsonrpc"] = "1.0",
            ["id"] = id,
            ["method"] = method,
            ["params"] = parameters,
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (_authorization is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _authorization);

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new CairnException($"cannot reach Bitcoin Core at {_display}: {ex.Message.Replace(_endpoint.AbsoluteUri, _display, StringComparison.Ordinal)}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CairnException($"Bitcoin Core at {_display} did not answer {method} within {_http.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s", ex);
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                throw new CairnException($"Bitcoin Core at {_display} rejected the RPC credentials (HTTP {(int)response.StatusCode})");
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return ReadResult(text, method, response.StatusCode);
        }
    }

    private JsonElement ReadResult(string text, string method, HttpStatusCode status)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            throw new CairnException($"Bitcoin Core at {_display}: {method} returned HTTP {(int)status} without a JSON-RPC answer");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                var message = error.TryGetProperty("message", out var m) ? m.GetString() : "unknown error";
                var code = error.TryGetProperty("code", out var c) ? c.GetRawText() : "?";
                throw new CairnException($"Bitcoin Core at {_display}: {method} failed: {message} (code {code})");
            }
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("result", out var result))
                throw new CairnException($"Bitcoin Core at {_display}: {method} returned HTTP {(int)status} without a result");
            return result.Clone();
        }
    }

    private Hash256 ParseHash(JsonElement result, string method)
    {
        if (result.ValueKind == JsonValueKind.String && Hash256.TryParse(result.GetString(), out var hash)) return hash;
        throw new CairnException($"Bitcoin Core at {_display}: {method} returned '{result}', not a block hash");
    }
}
