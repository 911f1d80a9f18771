using System.Text.Json;
using System.Text.Json.Nodes;
using Cairn.Cases.Cases;
using Cairn.Cases.Ledger;
using Cairn.Development.Demo;

namespace Cairn.Development.Fuzzing;

/// <summary>
/// The seed of every API operation on a demo installation prepared by <see cref="ApiFuzzTargets.PrepareAsync"/>: path values
/// looked up through the API itself (the demo case's trace, its entities and graph nodes, the alert, watch, victim and
/// subject, a transaction and the ransom address of the demo chain, an actor, the registered agency), and per operation a
/// body the server accepts, with closed-list values taken from the server's own enums or answers (a request's
/// <c>next_statuses</c>). Operations whose body carries a version read the current one before every case; operations that
/// consume their object (approve a pending disposal, remove a watch, revoke a token) get a fresh one before every case.
/// </summary>
public sealed partial class ApiSeedBook
{
    /// <summary>
    /// Path parameters a fresh demo installation has no object for, by operation, with the reason; every other path
    /// parameter of every fuzzable operation names a real object (tested).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> WithoutRealPathValues = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["GetJob"] = "no background job: the ingest operations are not seeded (an accepted case would re-ingest the chain)",
        ["CheckMatchFilterMessage"] = "no inbox message: the node has no partner to receive one from",
    };

    private readonly HttpClient _http;
    private readonly HttpClient _officer;
    private readonly Dictionary<string, string> _values;

    private ApiSeedBook(HttpClient http, HttpClient officer, Dictionary<string, string> values)
    {
        _http = http;
        _officer = officer;
        _values = values;
    }

    /// <summary>The request id, trace id, alert, watch, victim, subject, entity, node, transaction, address and actor of the demo installation.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>
    /// Looks every value up through <paramref name="http"/> (the fuzzing user's client); <paramref name="officer"/> is the second
    /// user; <paramref name="ethereum"/> an address and a transaction of the installation's Ethereum index (<see cref="RecordedEthereumIndex"/>).
    /// </summary>
    public static async Task<ApiSeedBook> LoadAsync(HttpClient http, HttpClient officer, (string Address, string Transaction) ethereum, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(officer);
        var values = new Dictionary<string, string>(await ApiFuzzTargets.PathValuesAsync(http).ConfigureAwait(false), StringComparer.Ordinal);
        var book = new ApiSeedBook(http, officer, values);
        var reference = DemoPipeline.CaseReference;
        var found = await book.GetAsync($"/api/v1/cases/{reference}", cancellationToken).ConfigureAwait(false);
        values["address"] = Wallet(found, WalletRole.Perpetrator);
        values["victim_address"] = Wallet(found, WalletRole.Victim);
        values["subject"] = found["subjects"]!.AsArray().First()!["id"]!.GetValue<string>();
        values["agency"] = ApiFuzzTargets.FuzzAgency;
        values["code"] = ApiFuzzTargets.FuzzAgency;
        var outputs = await book.GetAsync($"/api/v1/btc/address/{values["address"]}", cancellationToken).ConfigureAwait(false);
        values["txid"] = outputs["outputs"]!.AsArray().First()!["txid"]!.GetValue<string>();
        values["trace"] = (await book.FirstAsync($"/api/v1/cases/{reference}/traces", cancellationToken).ConfigureAwait(false))["id"]!.GetValue<string>();
        var entities = (await book.GetAsync($"/api/v1/cases/{reference}/traces/{values["trace"]}/entities?limit=100", cancellationToken).ConfigureAwait(false))["items"]!.AsArray();
        values["entityId"] = entities.First()!["entity_id"]!.GetValue<string>();
        values["actor"] = entities.First(e => e!["actor"] is not null)!["actor"]!.GetValue<string>();
        var graph = await book.GetAsync($"/api/v1/cases/{reference}/traces/{values["trace"]}/graph", cancellationToken).ConfigureAwait(false);
        values["nodeId"] = graph["nodes"]!.AsArray().First()!["id"]!.GetValue<string>();
        values["victimId"] = (await book.GetAsync($"/api/v1/cases/{reference}/victims", cancellationToken).ConfigureAwait(false)).AsArray().First()!["victim"]!["id"]!.GetValue<string>();
        values["watchId"] = (await book.FirstAsync($"/api/v1/cases/{reference}/watches", cancellationToken).ConfigureAwait(false))["id"]!.GetValue<string>();
        values["alertId"] = (await book.FirstAsync($"/api/v1/cases/{reference}/alerts", cancellationToken).ConfigureAwait(false))["id"]!.GetValue<string>();
        var request = await book.GetAsync($"/api/v1/requests/{values["id"]}", cancellationToken).ConfigureAwait(false);
        values["request"] = values["id"];
        (values["eth_address"], values["eth_transaction"]) = ethereum;
        values["item"] = request["required_contents"]!.AsArray().First()!["id"]!.GetValue<string>();
        values["notification"] = (await book.GetAsync("/api/v1/notifications?limit=100", cancellationToken).ConfigureAwait(false))["items"]!.AsArray()
            .First(n => n!["kind"]!.GetValue<string>() == "address_hit")!["id"]!.GetValue<string>();
        // Four eyes: a ready request drafted and filled by the second user, which the fuzzing user (a prosecutor) may validate.
        values["ready_request"] = await book.DraftFilledAsync(officer, cancellationToken).ConfigureAwait(false);
        await SendAsync(officer, HttpMethod.Post, $"/api/v1/requests/{values["ready_request"]}/status", new { to = "ready", note = "ready for validation by the fuzz pass" }, cancellationToken).ConfigureAwait(false);
        book._package = await http.GetByteArrayAsync(new Uri($"/api/v1/cases/{reference}/evidence/export", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        return book;
    }

    /// <summary>The seed of <paramref name="operation"/>: its path values, its bodies, and what to read or restore before each case.</summary>
    public ApiSeed For(ApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var paths = PathValuesOf(operation);
        var seed = new ApiSeed(paths, Bodies(operation.OperationId)) { Forms = Forms(operation.OperationId) };
        return operation.OperationId switch
        {
            "SetCaseStatus" => seed with { BeforeEachCase = ct => CaseStatusAsync(paths, ct) },
            "UploadEvidence" => seed with { BeforeEachCase = ct => Task.FromResult(new ApiCaseState(paths, new Dictionary<string, string>(StringComparer.Ordinal) { [CopyMarker] = $"{++_uploads}" })) },
            "UpdateCase" or "AddCaseSubject" or "AddCaseNote" or "AddCaseWallet" => seed with { BeforeEachCase = ct => CaseVersionAsync(paths, ct) },
            "UpdateCaseSubject" or "RemoveCaseSubject" => seed with { BeforeEachCase = ct => SubjectAsync(paths, ct) },
            "SetRequestContent" => seed with { BeforeEachCase = ct => RequestVersionAsync(paths, ct) },
            "SetRequestStatus" => seed with { BeforeEachCase = ct => RequestStatusAsync(paths, ct) },
            "ApproveLedgerEvent" or "RejectLedgerEvent" => seed with { BeforeEachCase = ct => PendingDisposalAsync(paths, ct) },
            "RemoveCaseWatch" => seed with { BeforeEachCase = ct => FreshWatchAsync(paths, ct) },
            "RevokeApiToken" => seed with { BeforeEachCase = ct => FreshTokenAsync(paths, ct) },
            "RevokeCaseShare" => seed with { BeforeEachCase = ct => ShareAgainAsync(paths, ct) },
            "AttachCaseTraceAsEvidence" => seed with { BeforeEachCase = ct => FreshTraceAsync(paths, ct) },
            "ExportEvidencePackage" => seed with { BeforeEachCase = ct => ExportCaseAsync(paths, ct) },
            _ => seed,
        };
    }

    /// <summary>The values of <paramref name="operation"/>'s path parameters: <c>{id}</c> means a request, a trace, a token, an actor or a transaction by the path.</summary>
    private Dictionary<string, string> PathValuesOf(ApiOperation operation)
    {
        var values = new Dictionary<string, string>(_values, StringComparer.Ordinal);
        values.Remove("id");
        var path = operation.Path;
        string? id = path switch
        {
            _ when operation.OperationId == "ValidateRequest" => _values["ready_request"],
            _ when path.StartsWith("/api/v1/requests/{id}", StringComparison.Ordinal) => _values["request"],
            _ when path.StartsWith("/api/v1/notifications/{id}", StringComparison.Ordinal) => _values["notification"],
            _ when path.Contains("/traces/{id}", StringComparison.Ordinal) => _values["trace"],
            _ when path.StartsWith("/api/v1/intel/actors/", StringComparison.Ordinal) => _values["actor"],
            _ when path.Contains("/tx/{id}", StringComparison.Ordinal) => _values["txid"],
            _ => null,
        };
        if (id is not null) values["id"] = id;
        if (WithoutRealPathValues.ContainsKey(operation.OperationId)) values.Remove("address");
        if (path.StartsWith("/api/v1/eth/", StringComparison.Ordinal))
        {
            values["address"] = _values["eth_address"];
            values["hash"] = _values["eth_transaction"];
        }
        return values;
    }

    private string V(string name) => _values[name];

    /// <summary>Bodies (JSON) or query strings that the server accepts as they are; <c>"version":0</c> is replaced by the current version before each case.</summary>
    private List<string> Bodies(string operationId)
    {
        var ransom = V("address");
        return operationId switch
        {
            "CreateApiToken" => [Json(new { name = "fuzz token", valid_days = 1 })],
            "CreateAccount" => [Json(new { login = "fuzz-new", agency = DemoPipeline.Agency, display_name = "Fuzzed new account", roles = new[] { Snake(nameof(Cases.Agencies.Role.Investigator)) } })],
            "SetAccountRoles" => [Json(new { roles = new[] { Snake(nameof(Cases.Agencies.Role.Investigator)) } })],
            "RegisterAgency" => [Json(new { code = "FUZZ-NEW", name = "Fuzzed new agency", state = "BE", kind = "police" })],
            "UpdateAgency" => [Json(new { code = ApiFuzzTargets.FuzzAgency, name = "Fuzzing partner agency", state = "FR", kind = "prosecution" })],
            "CreateCase" => [Json(new { reference = "FUZZ-CASE-1", title = "Fuzzed case", offence_type = "fraud" })],
            "UpdateCase" => [Json(new { title = "Ransomware payment (fuzzed)", offence_type = "ransomware", offence_detail = "fuzz pass", version = 0 })],
            "ShareCase" => [Json(new { agency = ApiFuzzTargets.FuzzAgency, level = "read", pseudonymise = true })],
            "AddCaseWallet" => [Json(new { chain = "btc", address = V("victim_address"), role = Snake(nameof(WalletRole.Victim)), label = "victim (paid the ransom)", version = 0 })],
            "AddCaseSubject" => [Json(new { kind = Snake(nameof(SubjectKind.Person)), role = Snake(nameof(SubjectRole.Suspect)), name = "Fuzzed Suspect", details = "fuzz pass", identifiers = Array.Empty<object>(), version = 0 })],
            "UpdateCaseSubject" => [Json(new { kind = Snake(nameof(SubjectKind.Organisation)), role = Snake(nameof(SubjectRole.Victim)), name = "Demo Hospital Foundation (fictional victim)", details = "paid the ransom", identifiers = Array.Empty<object>(), version = 0 })],
            "RemoveCaseSubject" => ["version=0"],
            "AddCaseNote" => [Json(new { text = "Fuzzed note", version = 0 })],
            "SetCaseStatus" => [Json(new { status = CaseStatusMarker, reason = "fuzz pass", version = 0 })],
            "Trace" or "TraceChain" => [Json(new { from = new[] { ransom }, max_hops = 2 }), Json(new { from = new[] { V("txid") }, model = "poison", max_hops = 2, direction = "forward" })],
            "FindRoutes" => ["from=NL&to=SG&measure=freeze&urgent=true&offence=ransomware", "from=NL&to=DE&measure=preservation"],
            "AddLedgerEvent" => [Json(ApiFuzzTargets.LedgerEvent(Snake(nameof(LedgerEventKind.Freeze)), "0.5"))],
            "RejectLedgerEvent" => [Json(new { reason = "the sharing agreement is not signed yet" })],
            "AddVictim" => [Json(new { name = "Fuzzed victim 2", details = "paid twice" })],
            "AddVictimLoss" => [Json(new { chain = "btc", token = "BTC", amount_units = "0.1", transaction_ids = new[] { V("txid") }, description = "ransom payment" })],
            "SaveCaseTrace" => [Json(new { title = "Fuzzed trace", request = new { from = new[] { ransom }, max_hops = 2 } })],
            "ListCaseTraceEndpoints" => [$"entity={Uri.EscapeDataString(V("entityId"))}&limit=5"],
            "GetCaseTraceGraph" => ["max_nodes=20", $"expand={Uri.EscapeDataString(V("entityId"))}"],
            "AnnotateCaseTrace" => [Json(new { text = "Fuzzed annotation" })],
            "AddCaseWatch" => [Json(new { chain = "btc", kind = "address", value = ransom, label = "fuzzed watch" }), Json(new { chain = "btc", kind = "cluster", value = ransom, threshold = "10000000" })],
            "ProposeAlertRoute" => ["from=NL"],
            "DraftFromAlert" => [Json(new { from = "NL", measure = "freeze" })],
            "DraftRequests" => [Json(new { trace_id = V("trace"), from = "NL", measures = new[] { "preservation" }, urgent = true, acknowledge_overlap = true }), Json(new { from = "BE", measures = new[] { "freeze" }, trace_id = V("trace"), acknowledge_overlap = true })],
            "SetRequestContent" => [Json(new { text = "Fuzzed content", version = 0 })],
            "SetRequestStatus" => [Json(new { to = StatusMarker, note = "fuzz pass" })],
            "RenderRequest" => ["format=json"],
            "HoldCase" => [Json(new { reason = "fuzz pass: litigation" })],
            "ImportRateTable" => [Json(new { asset = "FUZZCOIN", currency = "EUR", source = "fuzz rates", file_name = "fuzz.csv", csv = "date,rate\n2024-03-01,10\n2024-03-02,12\n" })],
            "GetBitcoinAddress" or "GetCluster" or "GetChainAddress" or "GetChainCluster" => ["limit=5"],
            "FindPaths" or "FindChainPaths" => [Json(new { from = V("victim_address"), to = ransom, max_hops = 3, cluster = false }), Json(new { from = V("victim_address"), to = ransom, max_hops = 3, cluster = true })],
            "ScreenAddresses" => [Json(new { addresses = new[] { ransom, V("victim_address") }, chain = "btc" })],
            "ScreenAddress" => ["chain=btc"],
            _ => [],
        };
    }

    /// <summary>
    /// Forms (multipart/form-data) the server accepts: a small text file as evidence (its text numbered per case, since a case
    /// refuses a second file with the same SHA-256) and the demo case's own evidence package to verify.
    /// </summary>
    private List<IReadOnlyList<ApiFormPart>> Forms(string operationId) => operationId switch
    {
        "UploadEvidence" =>
        [
            [
                new ApiFormPart("file", true, System.Text.Encoding.UTF8.GetBytes($"Screenshot notes of the ransom note, copy {CopyMarker}.\n"), "ransom-note.txt"),
                new ApiFormPart("method", false, "screenshot"u8.ToArray()), new ApiFormPart("source", false, "victim's e-mail"u8.ToArray()),
            ],
        ],
        "VerifyEvidencePackage" when _package is not null => [[new ApiFormPart("package", true, _package, $"{DemoPipeline.CaseReference}-evidence.zip")]],
        _ => [],
    };

    /// <summary>Where the number of an uploaded copy goes, before each case.</summary>
    private const string CopyMarker = "copy-number";

    private int _uploads;

    /// <summary>The demo case's evidence package, exported once when the book is loaded.</summary>
    private byte[]? _package;

    /// <summary>Where the case status to move to (from the status case's current one) goes, before each case.</summary>
    private const string CaseStatusMarker = "next-case-status";

    /// <summary>Where a request status from the request's own <c>next_statuses</c> goes, before each case.</summary>
    private const string StatusMarker = "next-status";

    private static string Snake(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    private static string Json(object body) => JsonSerializer.Serialize(body);

    private static string Wallet(JsonNode found, WalletRole role) =>
        found["wallets"]!.AsArray().First(w => w!["role"]!.GetValue<string>() == Snake(role.ToString()))!["address"]!.GetValue<string>();

    private async Task<JsonNode> GetAsync(string path, CancellationToken cancellationToken) =>
        JsonNode.Parse(await _http.GetStringAsync(new Uri(path, UriKind.Relative), cancellationToken).ConfigureAwait(false))!;

    private async Task<JsonNode> FirstAsync(string path, CancellationToken cancellationToken) =>
        (await GetAsync(path, cancellationToken).ConfigureAwait(false))["items"]!.AsArray().FirstOrDefault()
        ?? throw new InvalidOperationException($"GET {path}: no item; the installation was not prepared by ApiFuzzTargets.PrepareAsync");
}
