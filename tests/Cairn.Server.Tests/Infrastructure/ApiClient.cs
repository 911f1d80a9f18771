using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cairn.Server.Tests.Infrastructure;

/// <summary>
/// A browser-like client of the API: its own cookie jar, the antiforgery token fetched and sent
/// as a browser page would, or an API token instead. Answers are parsed as JSON nodes.
/// </summary>
public sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly CookieContainer _cookies = new();
    private string? _csrf;

    public ApiClient(Uri baseAddress, string? bearer = null)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        if (bearer is not null) _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
    }

    public bool SendCsrf { get; set; } = true;

    public Uri BaseAddress => _http.BaseAddress!;

    public static async Task<ApiClient> SignedInAsync(Uri baseAddress, string login, string password)
    {
        var client = new ApiClient(baseAddress);
        var response = await client.SendAsync(HttpMethod.Post, "/api/v1/auth/login", new { login, password });
        if (response.Status != HttpStatusCode.OK) throw new InvalidOperationException($"sign-in of {login} failed: {response.Status} {response.Text}");
        client._csrf = null;
        return client;
    }

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, object? body = null, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (content is not null) request.Content = content;
        else if (body is not null) request.Content = JsonContent.Create(body);
        if (method != HttpMethod.Get && SendCsrf && _http.DefaultRequestHeaders.Authorization is null)
            request.Headers.Add("X-CSRF-TOKEN", await CsrfAsync());
        using var response = await _http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, bytes,
            response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase));
    }

    public Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<ApiResponse> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body ?? new { });

    public async Task<JsonNode> GetJsonAsync(string path) => (await GetAsync(path)).Ok().Json;

    public async Task<JsonNode> PostJsonAsync(string path, object? body = null) => (await PostAsync(path, body)).Ok().Json;

    private async Task<string> CsrfAsync()
    {
        if (_csrf is not null) return _csrf;
        var response = await _http.GetAsync("/api/v1/auth/antiforgery");
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return _csrf = json["token"]!.GetValue<string>();
    }

    public void ResetCsrf() => _csrf = null;

    /// <summary>The same cookies (session and antiforgery) against another server address, as a browser would keep them.</summary>
    public ApiClient WithCookiesFor(Uri other)
    {
        var copy = new ApiClient(other);
        foreach (System.Net.Cookie cookie in _cookies.GetAllCookies()) copy._cookies.Add(other, new System.Net.Cookie(cookie.Name, cookie.Value, "/"));
        return copy;
    }

    public void Dispose() => _http.Dispose();
}

public sealed record ApiResponse(HttpStatusCode Status, string? MediaType, byte[] Body, IReadOnlyDictionary<string, string> Headers)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);

    public JsonNode Json => JsonNode.Parse(Text) ?? throw new JsonException("empty body");

    public ApiResponse Ok()
    {
        if ((int)Status is < 200 or > 299) throw new Xunit.Sdk.XunitException($"expected success, got {(int)Status}: {Text}");
        return this;
    }
}
