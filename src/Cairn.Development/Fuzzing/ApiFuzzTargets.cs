using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cairn.Development.Demo;
using Cairn.Workspace.Chain;
using Cairn.Workspace.Watching;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>The second user of the demo agency who records the disposals the fuzzing user approves or rejects (four eyes).</summary>
    public const string FuzzOfficer = "fuzz-officer";

    /// <summary>An agency registered for the pass: {code} of the agency update, and the agency the demo case is shared with ({agency}).</summary>
    public const string FuzzAgency = "FUZZ-AGENCY";

    /// <summary>A user of <see cref="FuzzAgency"/> whose case names the demo case's ransom address: the address hit that fills {id} of the notifications.</summary>
    public const string FuzzPartner = "fuzz-partner";

    /// <summary>The partner agency's case with the ransom address (an address hit for the demo agency).</summary>
    public const string PartnerCase = "FUZZ-PARTNER-1";

    /// <summary>
    /// The case whose status SetCaseStatus changes (suspended, opened again): never the demo case, whose writes every later
    /// operation of a pass needs open.
    /// </summary>
    public const string StatusCase = "FUZZ-STATUS-1";

    private const string OfficerPassword = "fuzz officer password";

    private const string PartnerPassword = "fuzz partner password";

    /// <summary>
    /// Gives the demo installation what the API's paths name and a fresh demo lacks, through the API as a user would: the
    /// account whose login fills {login}, a second user (returned: a client with its API token) who records the disposals to
    /// approve and drafts the requests to validate (four eyes), a registered agency the case is shared with, a user of that agency
    /// whose case names the ransom address (so the demo agency has an address hit notice), a case for the status changes, a
    /// victim, a watch on the ransom address, and a confiscated balance for disposals to come from.
    /// Alerts need an ingest after the watch: <see cref="RaiseAlertsAsync"/>.
    /// </summary>
    public static async Task<HttpClient> PrepareAsync(HttpClient adminSession)
    {
        ArgumentNullException.ThrowIfNull(adminSession);
        var reference = DemoPipeline.CaseReference;
        await SendAsync(adminSession, "/api/v1/admin/accounts", new { login = FuzzedAccount, agency = DemoPipeline.Agency, display_name = "Fuzzed account", roles = new[] { "investigator" } }).ConfigureAwait(false);
        var officer = await SendAsync(adminSession, "/api/v1/admin/accounts", new { login = FuzzOfficer, agency = DemoPipeline.Agency, display_name = "Fuzzing asset recovery officer", roles = new[] { "asset_recovery_officer", "prosecutor" } }).ConfigureAwait(false);
        await SendAsync(adminSession, "/api/v1/admin/agencies", new { code = FuzzAgency, name = "Fuzzing partner agency", state = "FR", kind = "police" }).ConfigureAwait(false);
        await SendAsync(adminSession, "/api/v1/cases", new { reference = StatusCase, title = "Case whose status the fuzz pass changes", offence_type = "fraud" }).ConfigureAwait(false);
        await PartnerAddressHitAsync(adminSession).ConfigureAwait(false);
        await SendAsync(adminSession, $"/api/v1/cases/{reference}/share", new { agency = FuzzAgency, level = "read" }).ConfigureAwait(false);
        await SendAsync(adminSession, $"/api/v1/cases/{reference}/victims", new { name = "Fuzzed victim", details = "made by the fuzz pass" }).ConfigureAwait(false);
        var ransomAddress = await RansomAddressAsync(adminSession).ConfigureAwait(false);
        await SendAsync(adminSession, $"/api/v1/cases/{reference}/watches", new { chain = "btc", kind = "address", value = ransomAddress, label = "ransom (fuzz pass)" }).ConfigureAwait(false);
        // Disposals (returns, sharing) need a confiscated balance; one large enough for every case of a pass.
        foreach (var kind in new[] { "freeze", "seize", "confiscate" })
            await SendAsync(adminSession, $"/api/v1/cases/{reference}/ledger", LedgerEvent(kind, "1000000")).ConfigureAwait(false);
        return await TokenClientAsync(adminSession.BaseAddress!, FuzzOfficer, officer["one_time_password"]!.GetValue<string>(), OfficerPassword).ConfigureAwait(false);
    }

    /// <summary>
    /// A user of the partner agency records the demo case's ransom address on a case of its own, as a second agency on the same
    /// funds would: both agencies get an address hit notice (deconfliction), which MarkNotificationRead and
    /// RequestContactAfterAddressHit then name. Notices come only from such a hit, a share or an overlap: no API operation makes one.
    /// </summary>
    private static async Task PartnerAddressHitAsync(HttpClient adminSession)
    {
        var partner = await SendAsync(adminSession, "/api/v1/admin/accounts", new { login = FuzzPartner, agency = FuzzAgency, display_name = "Fuzzing partner investigator", roles = new[] { "investigator" } }).ConfigureAwait(false);
        using var client = await TokenClientAsync(adminSession.BaseAddress!, FuzzPartner, partner["one_time_password"]!.GetValue<string>(), PartnerPassword).ConfigureAwait(false);
        await ApiSeedBook.SendAsync(client, HttpMethod.Post, "/api/v1/cases", new { reference = PartnerCase, title = "Partner agency's case on the same ransom", offence_type = "ransomware" }, CancellationToken.None).ConfigureAwait(false);
        var version = JsonNode.Parse(await client.GetStringAsync(new Uri($"/api/v1/cases/{PartnerCase}", UriKind.Relative)).ConfigureAwait(false))!["version"]!.GetValue<long>();
        await ApiSeedBook.SendAsync(client, HttpMethod.Post, $"/api/v1/cases/{PartnerCase}/wallets",
            new { chain = "btc", address = await RansomAddressAsync(adminSession).ConfigureAwait(false), role = "perpetrator", label = "ransom", version }, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>
    /// Raises the alerts of the watches <see cref="PrepareAsync"/> made, as an ingest of the demo chain would (alerts come only
    /// from ingests: no API operation makes one); {alertId} then names a real alert.
    /// </summary>
    public static Task RaiseAlertsAsync(IServiceProvider services, CancellationToken cancellationToken = default) =>
        services.GetRequiredService<WatchService>().OnIngestedAsync(new ChainIngested("btc", Cairn.Chains.ChainFamily.Utxo, 0, 1, 0, null, 0), cancellationToken);

    /// <summary>A ledger event of the demo case in BTC (the body the ledger tests use).</summary>
    internal static object LedgerEvent(string kind, string units, string? recipient = null) => new
    {
        @event = kind, chain = "btc", token = "BTC", location = "exchange A", amount_units = units, recipient,
        legal_basis = "Regulation (EU) 2018/1805 Art 30", authority = "Amtsgericht Berlin", jurisdiction = "DE",
    };

    /// <summary>The demo case's perpetrator wallet: the ransom address of the demo chain.</summary>
    internal static async Task<string> RansomAddressAsync(HttpClient http)
    {
        var found = JsonNode.Parse(await http.GetStringAsync(new Uri($"/api/v1/cases/{DemoPipeline.CaseReference}", UriKind.Relative)).ConfigureAwait(false))!;
        return found["wallets"]!.AsArray().First(w => w!["role"]!.GetValue<string>() == "perpetrator")!["address"]!.GetValue<string>();
    }

    /// <summary>Path parameter values that name real objects of the demo installation behind <paramref name="http"/> (the values every operation shares).</summary>
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

    /// <summary>Signs in with a one-time password, sets <paramref name="password"/>, and answers a client with a new API token of that user.</summary>
    public static async Task<HttpClient> TokenClientAsync(Uri baseAddress, string login, string oneTimePassword, string password)
    {
        using (var first = await SignedInAsync(baseAddress, login, oneTimePassword).ConfigureAwait(false))
            await SendAsync(first, "/api/v1/auth/password", new { current_password = oneTimePassword, new_password = password }).ConfigureAwait(false);
        using var session = await SignedInAsync(baseAddress, login, password).ConfigureAwait(false);
        var token = await SendAsync(session, "/api/v1/auth/tokens", new { name = "fuzz", valid_days = 1 }).ConfigureAwait(false);
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token["secret"]!.GetValue<string>());
        return client;
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
