using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cairn.Cases.Ledger;
using Cairn.Development.Demo;

namespace Cairn.Development.Fuzzing;

/// <summary>What is read or restored before each case: current versions, and fresh objects for the operations that consume theirs.</summary>
public sealed partial class ApiSeedBook
{
    private static readonly Dictionary<string, string> NoReplacements = [];

    /// <summary>The request SetRequestStatus moves (drafted for the pass on its first case).</summary>
    private string? _statusRequest;

    private int _tracesSaved;

    /// <summary>The case SetCaseStatus changes, and how many were made (a case closed by a fuzz case is replaced).</summary>
    private string _statusCase = ApiFuzzTargets.StatusCase;

    private int _statusCases = 1;

    /// <summary>The seed bodies carry version 0; this is what they send instead (a case whose mutation changed the version keeps its own).</summary>
    private static Dictionary<string, string> Version(long current) => new(StringComparer.Ordinal)
    {
        ["\"version\":0"] = "\"version\":" + current.ToString(CultureInfo.InvariantCulture),
        ["version=0"] = "version=" + current.ToString(CultureInfo.InvariantCulture),
    };

    private async Task<long> CaseVersionAsync(CancellationToken cancellationToken) =>
        (await GetAsync($"/api/v1/cases/{DemoPipeline.CaseReference}", cancellationToken).ConfigureAwait(false))["version"]!.GetValue<long>();

    private async Task<ApiCaseState> CaseVersionAsync(IReadOnlyDictionary<string, string> paths, CancellationToken cancellationToken) =>
        new(paths, Version(await CaseVersionAsync(cancellationToken).ConfigureAwait(false)));

    /// <summary>The case's first subject (one is added when a removal took the last) and the case's version.</summary>
    private async Task<ApiCaseState> SubjectAsync(IReadOnlyDictionary<string, string> paths, CancellationToken cancellationToken)
    {
        var found = await GetAsync($"/api/v1/cases/{DemoPipeline.CaseReference}", cancellationToken).ConfigureAwait(false);
        if (found["subjects"]!.AsArray().FirstOrDefault() is not { } subject)
        {
            await SendAsync(_http, HttpMethod.Post, $"/api/v1/cases/{DemoPipeline.CaseReference}/subjects", new
            {
                kind = "organisation", role = "victim", name = "Demo Hospital Foundation (fictional victim)", details = "added again by the fuzz pass",
                identifiers = Array.Empty<object>(), version = found["version"]!.GetValue<long>(),
            }, cancellationToken).ConfigureAwait(false);
            found = await GetAsync($"/api/v1/cases/{DemoPipeline.CaseReference}", cancellationToken).ConfigureAwait(false);
            subject = found["subjects"]!.AsArray().First()!;
        }
        return new ApiCaseState(With(paths, "subject", subject["id"]!.GetValue<string>()), Version(found["version"]!.GetValue<long>()));
    }

    private async Task<ApiCaseState> RequestVersionAsync(IReadOnlyDictionary<string, string> paths, CancellationToken cancellationToken)
    {
        var request = await GetAsync($"/api/v1/requests/{paths["id"]}", cancellationToken).ConfigureAwait(false);
        return new ApiCaseState(paths, Version(request["version"]!.GetValue<long>()));
    }

    /// <summary>
    /// The next status of a request drafted for the pass, from its own <c>next_statuses</c> (the server's closed list for it at
    /// that moment; withdrawing comes last). Its required contents are filled first, so it can leave draft; when it reaches a
    /// final status another one is drafted. The demo's own requests are left to the other operations.
    /// </summary>
    private async Task<ApiCaseState> RequestStatusAsync(IReadOnlyDictionary<string, string> paths, CancellationToken cancellationToken)
    {
        var request = _statusRequest is null ? null : await GetAsync($"/api/v1/requests/{_statusRequest}", cancellationToken).ConfigureAwait(false);
        var next = request?["next_statuses"]!.AsArray().Select(s => s!.GetValue<string>()).OrderBy(s => s == "withdrawn").ToList() ?? [];
        if (next.Count == 0)
        {
            _statusRequest = await DraftFilledAsync(_http, cancellationToken).ConfigureAwait(false);
            request = await GetAsync($"/api/v1/requests/{_statusRequest}", cancellationToken).ConfigureAwait(false);
            next = [.. request["next_statuses"]!.AsArray().Select(s => s!.GetValue<string>()).OrderBy(s => s == "withdrawn")];
        }
        return new ApiCaseState(With(paths, "id", _statusRequest!), new Dictionary<string, string>(StringComparer.Ordinal) { [StatusMarker] = next.FirstOrDefault() ?? "ready" });
    }

    /// <summary>A request of the demo case drafted by <paramref name="client"/>'s user from the demo trace, its required contents filled by the same user (it can leave draft).</summary>
    private async Task<string> DraftFilledAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var drafted = await SendAsync(client, HttpMethod.Post, $"/api/v1/cases/{DemoPipeline.CaseReference}/requests/draft",
            // The demo's own trace, named: the newest trace (the default) may be a one-hop trace saved by an earlier operation of the pass.
            new { trace_id = V("trace"), from = "NL", measures = new[] { "preservation" }, urgent = true, acknowledge_overlap = true }, cancellationToken).ConfigureAwait(false);
        var id = drafted["drafts"]!.AsArray().First()!["id"]!.GetValue<string>();
        var request = await GetAsync($"/api/v1/requests/{id}", cancellationToken).ConfigureAwait(false);
        foreach (var item in request["required_contents"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()))
        {
            var version = (await GetAsync($"/api/v1/requests/{id}", cancellationToken).ConfigureAwait(false))["version"]!.GetValue<long>();
            await SendAsync(client, HttpMethod.Put, $"/api/v1/requests/{id}/contents/{item}", new { text = "Filled by the fuzz pass.", version }, cancellationToken).ConfigureAwait(false);
        }
        return id;
    }

    /// <summary>
    /// The case made for the status changes (a new one when a case closed it: a closed case takes no more changes), its version,
    /// and the status to move it to: suspended when open, open otherwise.
    /// </summary>
    private async Task<ApiCaseState> CaseStatusAsync(IReadOnlyDictionary<string, string> paths, CancellationToken cancellationToken)
    {
        var found = await GetAsync($"/api/v1/cases/{_statusCase}", cancellationToken).ConfigureAwait(false);
        if (found["status"]!.GetValue<string>() == "closed")
        {
            _statusCase = $"FUZZ-STATUS-{++_statusCases}";
            await SendAsync(_http, HttpMethod.Post, "/api/v1/cases", new { reference = _statusCase, title = "Case whose status the fuzz pass changes", offence_type = "fraud" }, cancellationToken).ConfigureAwait(false);
            found = await GetAsync($"/api/v1/cases/{_statusCase}", cancellationToken).ConfigureAwait(false);
        }
        var replacements = Version(found["version"]!.GetValue<long>());
        replacements[CaseStatusMarker] = found["status"]!.GetValue<string>() == "open" ? "suspended" : "open";
        return new ApiCaseState(With(paths, "reference", _statusCase), replacements);
    }

    /// <summary>
    /// A trace saved for the case just now (one hop: quick), which is not yet evidence. Its minimum amount differs from case to
    /// case: the same request gives the same report, and a case refuses a second file with the same SHA-256.
    /// </summary>
    private async Task<ApiCaseState> FreshTraceAsync(IReadOnlyDictionary<string, string> paths, CancellationToken cancellationToken)
    {
        var saved = await SendAsync(_http, HttpMethod.Post, $"/api/v1/cases/{DemoPipeline.CaseReference}/traces",
            new { title = $"Fuzzed trace {++_tracesSaved}", request = new { from = new[] { V("address") }, max_hops = 1, min_amount_sat = _tracesSaved.ToString(CultureInfo.InvariantCulture) } }, cancellationToken).ConfigureAwait(false);
        return new ApiCaseState(With(paths, "id", saved["trace"]!["id"]!.GetValue<string>()), NoReplacements);
    }

    /// <summary>A disposal recorded by the second ledger user, pending until the fuzzing user approves or rejects it (four eyes).</summary>
    private async Task<ApiCaseState> PendingDisposalAsync(IReadOnlyDictionary<string, string> paths, CancellationToken cancellationToken)
    {
        var pending = await SendAsync(_officer, HttpMethod.Post, $"/api/v1/cases/{DemoPipeline.CaseReference}/ledger",
            ApiFuzzTargets.LedgerEvent(Snake(nameof(LedgerEventKind.ReturnToState)), "0.00000001", "DE"), cancellationToken).ConfigureAwait(false);
        return new ApiCaseState(With(paths, "eventId", pending["id"]!.GetValue<string>()), NoReplacements);
    }

    private async Task<ApiCaseState> FreshWatchAsync(IReadOnlyDictionary<string, string> paths, CancellationToken cancellationToken)
    {
        var watch = await SendAsync(_http, HttpMethod.Post, $"/api/v1/cases/{DemoPipeline.CaseReference}/watches",
            new { chain = "btc", kind = "address", value = V("victim_address"), label = "to be removed by the fuzz pass" }, cancellationToken).ConfigureAwait(false);
        return new ApiCaseState(With(paths, "watchId", watch["id"]!.GetValue<string>()), NoReplacements);
    }

    private async Task<ApiCaseState> FreshTokenAsync(IReadOnlyDictionary<string, string> paths, CancellationToken cancellationToken)
    {
        var token = await SendAsync(_http, HttpMethod.Post, "/api/v1/auth/tokens", new { name = "to be revoked by the fuzz pass", valid_days = 1 }, cancellationToken).ConfigureAwait(false);
        return new ApiCaseState(With(paths, "id", token["id"]!.GetValue<string>()), NoReplacements);
    }

    private async Task<ApiCaseState> ShareAgainAsync(IReadOnlyDictionary<string, string> paths, CancellationToken cancellationToken)
    {
        await SendAsync(_http, HttpMethod.Post, $"/api/v1/cases/{DemoPipeline.CaseReference}/share", new { agency = ApiFuzzTargets.FuzzAgency, level = "read" }, cancellationToken).ConfigureAwait(false);
        return new ApiCaseState(paths, NoReplacements);
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> paths, string name, string value) =>
        new(paths, StringComparer.Ordinal) { [name] = value };

    /// <summary>Sends a preparation request with an API token (no antiforgery needed); throws on anything but success.</summary>
    internal static async Task<JsonNode> SendAsync(HttpClient client, HttpMethod method, string path, object body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path} (seeding): {(int)response.StatusCode} {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }
}
