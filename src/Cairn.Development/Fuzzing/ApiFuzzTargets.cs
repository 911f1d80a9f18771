using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cairn.Development.Demo;

namespace Cairn.Development.Fuzzing;

/// <summary>What the API fuzzing needs around <see cref="ApiFuzzer"/>: which operations to send to, real values for path parameters on a demo installation, and a signed-in session to set up an API token.</summary>
public static class ApiFuzzTargets
{
    /// <summary>
    /// Every operation except the static document and health check (nothing to parse) and the
    /// sign-in itself (rate-limited per address by design; its body is two strings, fuzzed through
    /// the password change, which reads the same shape).
    /// </summary>
    public static IEnumerable<ApiOperation> Fuzzable(IEnumerable<ApiOperation> operations) =>
        operations.Where(o => o.Path is not ("/healthz" or "/openapi/{documentName}.json" or "/api/v1/auth/login"));

    public const string FuzzedAccount = "fuzzee";

    /// <summary>Creates the account whose login fills {login} in paths.</summary>
    public static Task PrepareAsync(HttpClient adminSession) =>
        SendAsync(adminSession, "/api/v1/admin/accounts", new { login = FuzzedAccount, agency = DemoPipeline.Agency, display_name = "Fuzzed account", roles = new[] { "investigator" } });

    /// <summary>Path parameter values that name real objects of the demo installation behind <paramref name="http"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> PathValuesAsync(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["reference"] = DemoPipeline.CaseReference,
            // A throw-away account (PrepareAsync), so role and status changes never touch the fuzzing user.
            ["login"] = FuzzedAccount,
            ["item"] = "facts",
            ["chain"] = "btc",
        };
        var requests = JsonNode.Parse(await http.GetStringAsync(new Uri("/api/v1/requests?limit=1", UriKind.Relative)).ConfigureAwait(false));
        if (requests?["items"]?.AsArray().FirstOrDefault()?["id"]?.GetValue<string>() is { } id) values["id"] = id;
        return values;
    }

    /// <summary>A cookie session of <paramref name="login"/> (sign-in carries the antiforgery token, as a browser does).</summary>
    public static async Task<HttpClient> SignedInAsync(Uri baseAddress, string login, string password)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = baseAddress };
        await SendAsync(client, "/api/v1/auth/login", new { login, password }).ConfigureAwait(false);
        return client;
    }

    /// <summary>POSTs <paramref name="body"/> with a fresh antiforgery token; throws on anything but success.</summary>
    public static async Task<JsonNode> SendAsync(HttpClient client, string path, object body)
    {
        ArgumentNullException.ThrowIfNull(client);
        var antiforgery = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/v1/auth/antiforgery", UriKind.Relative)).ConfigureAwait(false))!["token"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-TOKEN", antiforgery);
        using var response = await client.SendAsync(request).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }
}
