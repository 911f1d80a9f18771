using System.Net;
using TextEncoding = System.Text.Encoding;
using System.Text.Json;
using Cairn.Core;

namespace Cairn.Chains.Ethereum.Rpc;

/// <summary>
/// JSON-RPC 2.0 over HTTP to an Ethereum node. The <see cref="HttpClient"/> is injected (one
/// long-lived instance per node). Batches are split into requests of at most
/// <see cref="EthRpcOptions.MaxBatchSize"/> calls, at most <see cref="EthRpcOptions.MaxConcurrency"/>
/// in flight; transient failures are retried with exponential back-off. Failures that remain
/// throw a <see cref="CairnException"/> naming the URL and the method.
/// </summary>
public sealed class EthJsonRpcClient
{
    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly EthRpcOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _inFlight;
    private long _nextId;

    public EthJsonRpcClient(HttpClient http, Uri endpoint, EthRpcOptions? options = null, TimeProvider? time = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        _options = options ?? new EthRpcOptions();
        _time = time ?? TimeProvider.System;
        _inFlight = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrency));
    }

    public Uri Endpoint => _endpoint;

    /// <summary>HTTP requests sent so far, retries included (for benchmarks and tests).</summary>
    public long HttpRequestCount => Interlocked.Read(ref _httpRequests);

    private long _httpRequests;

    /// <summary>Calls one method; throws <see cref="CairnException"/> when the node answers with an error.</summary>
    public async Task<JsonElement> CallAsync(string method, object?[] parameters, CancellationToken cancellationToken = default)
    {
        var response = (await SendAsync([new JsonRpcRequest(method, parameters)], cancellationToken).ConfigureAwait(false))[0];
        if (response.Error is { } error)
            throw new CairnException($"{method} at {_endpoint} failed: {error.Message} (code {error.Code})");
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
                using var content = new StringContent(body, TextEncoding.UTF8, "application/json");
                using var response = await _http.PostAsync(_endpoint, content, cancellationToken).ConfigureAwait(false);
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
                    throw new CairnException($"{what} at {_endpoint} failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
                }
            }
            catch (HttpRequestException ex)
            {
                failure = ex.Message;
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                failure = "timed out: " + ex.Message;
            }
            finally
            {
                _inFlight.Release();
            }
            if (attempt >= _options.MaxRetries)
                throw new CairnException($"{what} at {_endpoint} failed after {attempt + 1} attempts: {failure}");
            var delay = TimeSpan.FromTicks(Math.Min(_options.MaxBackoff.Ticks, _options.InitialBackoff.Ticks << Math.Min(attempt, 20)));
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

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
            throw new CairnException($"{what} at {_endpoint} failed: the answer is not JSON");
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
                        throw new CairnException($"{what} at {_endpoint} failed: {ReadError(batchError).Message}");
                    continue;
                }
                var index = idElement.GetInt64() - firstId;
                if (index < 0 || index >= count) continue;
                responses[index] = item.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                    ? new JsonRpcResponse(default, ReadError(error))
                    : new JsonRpcResponse(item.TryGetProperty("result", out var result) ? result.Clone() : default, null);
            }
            for (var i = 0; i < count; i++)
                if (responses[i] is null) throw new CairnException($"{what} at {_endpoint} failed: no answer for request id {firstId + i}");
            return responses!;
        }
    }

    private static JsonRpcError ReadError(JsonElement error) => new(
        error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number ? code.GetInt32() : 0,
        error.TryGetProperty("message", out var message) ? message.GetString() ?? "" : error.GetRawText());
}
