using System.Net;
using TextEncoding = System.Text.Encoding;
using System.Text.Json;
using Cairn.Core;
using Cairn.Core.Net;

namespace Cairn.Chains.Ethereum.Rpc;

/// <summary>
/// JSON-RPC 2.0 over HTTP to an Ethereum node. The <see cref="HttpClient"/> is injected (one
/// long-lived instance per node). Batches are split into requests of at most
/// <see cref="EthRpcOptions.MaxBatchSize"/> calls, at most <see cref="EthRpcOptions.MaxConcurrency"/>
/// in flight; transient failures are retried with exponential back-off. Failures that remain
/// throw a <see cref="CairnException"/> naming the method and the node by scheme, host and port
/// only (<see cref="UrlRedaction"/>): credentials in the URL become a Basic authorization header,
/// and an API key in the path or query is sent but never printed.
/// </summary>
public sealed class EthJsonRpcClient
{
    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly string _display;
    private readonly string? _authorization;
    private readonly EthRpcOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _inFlight;
    private long _nextId;

    public EthJsonRpcClient(HttpClient http, Uri endpoint, EthRpcOptions? options = null, TimeProvider? time = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        ArgumentNullException.ThrowIfNull(endpoint);
        // http://user:password@host/ : the user info becomes Basic authorization (RFC 7617), never part of a message.
        if (endpoint.UserInfo.Length > 0)
            _authorization = Convert.ToBase64String(TextEncoding.UTF8.GetBytes(Uri.UnescapeDataString(endpoint.UserInfo)));
        _endpoint = UrlRedaction.WithoutUserInfo(endpoint);
        _display = UrlRedaction.ForDisplay(endpoint);
        _options = options ?? new EthRpcOptions();
        _time = time ?? TimeProvider.System;
        _inFlight = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrency));
    }

    /// <summary>The node's URL without user info (it may still hold an API key in its path: print <see cref="DisplayEndpoint"/>).</summary>
    public Uri Endpoint => _endpoint;

    /// <summary>The node as messages name it: scheme, host and port.</summary>
    public string DisplayEndpoint => _display;

    /// <summary>HTTP requests sent so far, retries included (for benchmarks and tests).</summary>
    public long HttpRequestCount => Interlocked.Read(ref _httpRequests);

    private long _httpRequests;

    /// <summary>Calls one method; throws <see cref="CairnException"/> when the node answers with an error.</summary>
    public async Task<JsonElement> CallAsync(string method, object?[] parameters, CancellationToken cancellationToken = default)
    {
        var response = (await SendAsync([new JsonRpcRequest(method, parameters)], cancellationToken).ConfigureAwait(false))[0];
        if (response.Error is { } error)
            throw new CairnException($"{method} at {_display} failed: {error.Message} (code {error.Code})");
        return response.Result;
    }

    /// <summary>The node's EIP-155 chain id (<c>eth_chainId</c>, EIP-695): 1 on Ethereum, 56 on BNB Smart Chain, 137 on Polygon…</summary>
    public async Task<long> ChainIdAsync(CancellationToken cancellationToken = default)
    {
        var result = await CallAsync("eth_chainId", [], cancellationToken).ConfigureAwait(false);
        return Encoding.Hex.ToInt64(result.GetString() ?? "", "eth_chainId");
    }

    /// <summary>Calls many methods; responses come back in request order, errors as values.</summary>
    public async Task<IReadOnlyList<JsonRpcResponse>> BatchAsync(IReadOnlyList<JsonRpcRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var size = Math.Max(1, _options.MaxBatchSize);
        var chunks = requests.Chunk(size).ToList();
        var results = await Task.WhenAll(chunks.Select(chunk => SendAsync(chunk, cancellationToken))).ConfigureAwait(false);
        return results.SelectMany(r => r).ToList();
    }

    private async Task<JsonRpcResponse[]> SendAsync(IReadOnlyList<JsonRpcRequest> requests, CancellationToken cancellationToken)
    {
        var firstId = Interlocked.Add(ref _nextId, requests.Count) - requests.Count + 1;
        var body = Serialize(requests, firstId, single: requests.Count == 1);
        var what = requests.Count == 1 ? requests[0].Method : $"batch of {requests.Count} ({requests[0].Method}…)";
        for (var attempt = 0; ; attempt++)
        {
            string? failure;
            await _inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                Interlocked.Increment(ref _httpRequests);
                using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new StringContent(body, TextEncoding.UTF8, "application/json") };
                if (_authorization is not null) request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", _authorization);
                using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    var parsed = Parse(text, firstId, requests.Count, what);
                    if (!parsed.Any(r => r.Error?.IsTransient == true)) return parsed;
                    failure = "node busy: " + parsed.First(r => r.Error?.IsTransient == true).Error!.Message;
                }
                else if (response.StatusCode is HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError)
                {
                    failure = $"HTTP {(int)response.StatusCode}";
                }
                else
                {
                    throw new CairnException($"{what} at {_display} failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
                }
            }
            catch (HttpRequestException ex)
            {
                failure = Redact(ex.Message);
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                failure = "timed out: " + Redact(ex.Message);
            }
            finally
            {
                _inFlight.Release();
            }
            if (attempt >= _options.MaxRetries)
                throw new CairnException($"{what} at {_display} failed after {attempt + 1} attempts: {failure}");
            var delay = TimeSpan.FromTicks(Math.Min(_options.MaxBackoff.Ticks, _options.InitialBackoff.Ticks << Math.Min(attempt, 20)));
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    // The runtime's messages may quote the request URL; only the display form may appear.
    private string Redact(string message) =>
        message.Replace(_endpoint.ToString(), _display, StringComparison.Ordinal).Replace(_endpoint.AbsoluteUri, _display, StringComparison.Ordinal);

    private static string Serialize(IReadOnlyList<JsonRpcRequest> requests, long firstId, bool single)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (!single) writer.WriteStartArray();
            for (var i = 0; i < requests.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("jsonrpc", "2.0");
                writer.WriteNumber("id", firstId + i);
                writer.WriteString("method", requests[i].Method);
                writer.WritePropertyName("params");
                JsonSerializer.Serialize(writer, requests[i].Params);
                writer.WriteEndObject();
            }
            if (!single) writer.WriteEndArray();
        }
        return TextEncoding.UTF8.GetString(buffer.ToArray());
    }

    private JsonRpcResponse[] Parse(string text, long firstId, int count, string what)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            throw new CairnException($"{what} at {_display} failed: the answer is not JSON");
        }
        using (document)
        {
            var root = document.RootElement;
            var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
            var responses = new JsonRpcResponse?[count];
            foreach (var item in items)
            {
                if (!item.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.Number)
                {
                    // A batch-level error (e.g. the node rejects batches) has no usable id.
                    if (item.TryGetProperty("error", out var batchError))
                        throw new CairnException($"{what} at {_display} failed: {ReadError(batchError).Message}");
                    continue;
                }
                var index = idElement.GetInt64() - firstId;
                if (index < 0 || index >= count) continue;
                responses[index] = item.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                    ? new JsonRpcResponse(default, ReadError(error))
                    : new JsonRpcResponse(item.TryGetProperty("result", out var result) ? result.Clone() : default, null);
            }
            for (var i = 0; i < count; i++)
                if (responses[i] is null) throw new CairnException($"{what} at {_display} failed: no answer for request id {firstId + i}");
            return responses!;
        }
    }

    private static JsonRpcError ReadError(JsonElement error) => new(
        error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number ? code.GetInt32() : 0,
        error.TryGetProperty("message", out var message) ? message.GetString() ?? "" : error.GetRawText());
}
