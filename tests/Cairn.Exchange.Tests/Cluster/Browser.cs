using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Cairn.Exchange.Tests.Cluster;

/// <summary>
/// A browser against several server nodes on one host name: one cookie jar (cookies do not
/// separate ports, RFC 6265 §8.5, so a session cookie set by one node is sent to the others, as
/// it is behind a load balancer) and one antiforgery token, fetched once from the node that
/// signed in. Or, with a bearer token, a script.
/// </summary>
public sealed class Browser : IDisposable
{
    private readonly HttpClient _http;
    private string? _csrf;

    public Browser(string? bearer = null)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
        if (bearer is not null) _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
    }

    public static async Task<Browser> SignedInAsync(Uri node, string login, string password)
    {
        var browser = new Browser();
        await browser.FetchCsrfAsync(node);
        var response = await browser.SendAsync(node, HttpMethod.Post, "/api/v1/auth/login", new { login, password });
        if (response.Status != HttpStatusCode.OK) throw new InvalidOperationException($"sign-in of {login} at {node} failed: {response.Status} {response.Text}");
        // The token is bound to the user: fetch it again now that the session exists.
        await browser.FetchCsrfAsync(node);
        return browser;
    }

    public string? Csrf => _csrf;

    public async Task FetchCsrfAsync(Uri node)
    {
        var json = JsonNode.Parse(await _http.GetStringAsync(new Uri(node, "/api/v1/auth/antiforgery")))!;
        _csrf = json["token"]!.GetValue<string>();
    }

    public async Task<Answer> SendAsync(Uri node, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(node, path));
        if (body is not null) request.Content = JsonContent.Create(body);
        if (method != HttpMethod.Get && _csrf is not null && _http.DefaultRequestHeaders.Authorization is null) request.Headers.Add("X-CSRF-TOKEN", _csrf);
        using var response = await _http.SendAsync(request);
        return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public Task<Answer> GetAsync(Uri node, string path) => SendAsync(node, HttpMethod.Get, path);

    public async Task<JsonNode> PostJsonAsync(Uri node, string path, object body)
    {
        var answer = await SendAsync(node, HttpMethod.Post, path, body);
        if ((int)answer.Status is < 200 or > 299) throw new Xunit.Sdk.XunitException($"POST {path} at {node}: {(int)answer.Status} {answer.Text}");
        return answer.Text.Length == 0 ? new JsonObject() : JsonNode.Parse(answer.Text)!;
    }

    public void Dispose() => _http.Dispose();

    public sealed record Answer(HttpStatusCode Status, string Text)
    {
        public bool Ok => (int)Status is >= 200 and <= 299;
    }
}
