using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cairn.Development.Fuzzing;

/// <summary>
/// Fuzzes a running server through its own OpenAPI document: for every operation, a valid-looking
/// body built from the operation's request schema (named schemas resolved) is mutated by
/// <see cref="Mutator"/> (JSON structure and text), path parameters come from known values or are
/// mutated, and operations without a JSON body get mutated query strings. Every answer must be a
/// success or a 4xx problem details document (RFC 9457) whose detail is one line; a 5xx, a 4xx
/// that is not problem details, or no answer within the timeout is a finding.
/// </summary>
public sealed class ApiFuzzer
{
    // 405 comes from routing; 414 (request line over Kestrel's 8 KiB) and 431 (headers too large) are refused by Kestrel
    // at the protocol level, before any middleware could write a problem body (RFC 9110 §15.5.15, RFC 6585 §5).
    private static readonly HashSet<int> StatusesWithoutProblemBody = [405, 414, 431];

    private readonly HttpClient _http;
    private readonly ulong _seed;

    /// <param name="http">A client with the server's base address and the credentials (an API token) of a user with every role.</param>
    /// <param name="seed">Fixes the cases: the same seed sends the same requests.</param>
    public ApiFuzzer(HttpClient http, ulong seed)
    {
        _http = http;
        _seed = seed;
    }

    /// <summary>
    /// Called every <see cref="ProgressEvery"/> cases with the figures so far (and the findings so far), so a slow operation
    /// stopped part-way (an evidence export takes about a second a case) still says how far it got and what it found.
    /// </summary>
    public Action<FuzzReport>? Progress { get; init; }

    /// <summary>How many cases between two <see cref="Progress"/> calls.</summary>
    public int ProgressEvery { get; init; } = 500;

    /// <summary>
    /// The longest time without a <see cref="Progress"/> call: an operation at 0.5 cases a second takes a quarter of an hour for
    /// 500 cases, and a slice stopped in between would otherwise say nothing about them.
    /// </summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The operations of <paramref name="openApi"/> as (method, path template, operation id, request body schema or null).</summary>
    public static IReadOnlyList<ApiOperation> Operations(JsonNode openApi)
    {
        ArgumentNullException.ThrowIfNull(openApi);
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in openApi["paths"]!.AsObject())
        foreach (var (method, operation) in item!.AsObject())
        {
            if (method is "parameters" or "summary" or "description") continue;
            var body = operation!["requestBody"]?["content"]?["application/json"]?["schema"];
            var parameters = operation["parameters"]?.AsArray().Select(p => (Name: p!["name"]!.GetValue<string>(), In: p["in"]!.GetValue<string>(), Schema: p["schema"])).ToList() ?? [];
            operations.Add(new ApiOperation(method.ToUpperInvariant(), path, operation["operationId"]?.GetValue<string>() ?? $"{method} {path}", body, parameters)
            {
                FormSchema = operation["requestBody"]?["content"]?["multipart/form-data"]?["schema"],
            });
        }
        return operations;
    }

    /// <summary>Sends <paramref name="cases"/> requests to <paramref name="operation"/>; <paramref name="pathValues"/> fills path parameters by name.</summary>
    public Task<FuzzReport> RunAsync(JsonNode openApi, ApiOperation operation, int cases, IReadOnlyDictionary<string, string> pathValues, CancellationToken cancellationToken = default) =>
        RunAsync(openApi, operation, cases, new ApiSeed(pathValues, []), cancellationToken);

    /// <summary>
    /// Sends <paramref name="cases"/> requests to <paramref name="operation"/>, mutated from <paramref name="seed"/>'s bodies and the
    /// schema's sample. When <paramref name="cancellationToken"/> is cancelled (the bench stopped), answers the cases run so far
    /// (the one interrupted is not counted) instead of throwing, so a stopped run still reports how far it got.
    /// </summary>
    public async Task<FuzzReport> RunAsync(JsonNode openApi, ApiOperation operation, int cases, ApiSeed seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(openApi);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(seed);
        var schemas = openApi["components"]?["schemas"]?.AsObject();
        var sample = operation.BodySchema is null ? null : Sample(operation.BodySchema, schemas, 0);
        var bodySeeds = seed.Bodies.Select(Encoding.UTF8.GetBytes).ToList();
        if (sample is null) bodySeeds.Add(Encoding.UTF8.GetBytes(SampleQuery(operation, schemas)));
        else bodySeeds.AddRange([Encoding.UTF8.GetBytes(sample.ToJsonString()), "{}"u8.ToArray()]);
        var bodies = new Mutator(bodySeeds, sample is null ? FuzzInputKind.Text : FuzzInputKind.Json, _seed ^ Hash(operation.OperationId));
        var form = operation.BodySchema is null && operation.FormSchema is not null
            ? new ApiFormMutator(seed.Forms.Count > 0 ? seed.Forms : [ApiFormMutator.SampleFrom(operation.FormSchema, schemas)], _seed ^ Hash(operation.OperationId))
            : null;
        var pathMutator = new Mutator([.. seed.PathValues.Values.Select(Encoding.UTF8.GetBytes), "x"u8.ToArray()], FuzzInputKind.Text, _seed ^ Hash(operation.OperationId) ^ 0x5eed);
        var findings = new List<FuzzFinding>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int accepted = 0, refused = 0;
        var clock = Stopwatch.StartNew();
        var lastProgress = TimeSpan.Zero;
        var done = 0;
        for (var i = 0; i < cases && !cancellationToken.IsCancellationRequested; i++)
        {
            ApiCaseState? state = null;
            try
            {
                state = seed.BeforeEachCase is null ? null : await seed.BeforeEachCase(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // The server refused to restore the case's object (or failed doing so): reported once, the case runs with the seed's values.
                if (seen.Add("seeding:" + ex.GetType().Name))
                    findings.Add(new FuzzFinding("api " + operation.OperationId, "seeding", $"before case {i}: {Clip(ex.Message)}", [], []));
            }
            var mutatePath = i % 10 == 9;
            var path = FillPath(operation.Path, state?.PathValues ?? seed.PathValues, mutatePath ? Encoding.UTF8.GetString(pathMutator.Next()) : null);
            byte[] input;
            HttpRequestMessage request;
            if (form is not null)
            {
                var parts = form.Next(out var raw);
                input = raw ?? Describe(parts!);
                request = FormRequest(operation, path, parts?.Select(p => p with { Content = Replace(p.Content, state?.Replacements) }).ToList(), raw);
            }
            else
            {
                input = Replace(bodies.Next(), state?.Replacements);
                request = Request(operation, path, input, sample is not null);
            }
            int status;
            (string Kind, string Text, string Signature)? problem;
            try
            {
                (status, problem) = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            if (problem is null && status < 400) accepted++;
            else if (problem is null) refused++;
            else if (seen.Add(problem.Value.Signature))
                findings.Add(new FuzzFinding("api " + operation.OperationId, problem.Value.Kind, $"{operation.Method} {path}: {problem.Value.Text}", input, input));
            done = i + 1;
            if (Progress is not null && done < cases && (done % ProgressEvery == 0 || clock.Elapsed - lastProgress >= ProgressInterval))
            {
                lastProgress = clock.Elapsed;
                Progress(new FuzzReport("api " + operation.OperationId, done, accepted, refused, [.. findings], clock.Elapsed));
            }
        }
        return new FuzzReport("api " + operation.OperationId, done, accepted, refused, findings, clock.Elapsed);
    }

    /// <summary>
    /// Sends each of <paramref name="seed"/>'s bodies once, unmutated, and answers each HTTP status with the answer's first
    /// characters: what the seeding is tested and checked by (a seed the server refuses fuzzes validation only).
    /// </summary>
    public async Task<IReadOnlyList<(int Status, string Answer)>> SendSeedsAsync(ApiOperation operation, ApiSeed seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(seed);
        var answers = new List<(int, string)>();
        if (operation.BodySchema is null && operation.FormSchema is not null && seed.Forms.Count > 0)
        {
            foreach (var parts in seed.Forms)
            {
                var state = seed.BeforeEachCase is null ? null : await seed.BeforeEachCase(cancellationToken).ConfigureAwait(false);
                var path = FillPath(operation.Path, state?.PathValues ?? seed.PathValues, null);
                using var request = FormRequest(operation, path, [.. parts.Select(p => p with { Content = Replace(p.Content, state?.Replacements) })], null);
                using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                answers.Add(((int)response.StatusCode, Clip(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false))));
            }
            return answers;
        }
        foreach (var body in seed.Bodies.DefaultIfEmpty(""))
        {
            var state = seed.BeforeEachCase is null ? null : await seed.BeforeEachCase(cancellationToken).ConfigureAwait(false);
            var path = FillPath(operation.Path, state?.PathValues ?? seed.PathValues, null);
            var input = Replace(Encoding.UTF8.GetBytes(body), state?.Replacements);
            using var request = Request(operation, path, input, operation.BodySchema is not null);
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            answers.Add(((int)response.StatusCode, Clip(text)));
        }
        return answers;
    }

    private static HttpRequestMessage Request(ApiOperation operation, string path, byte[] input, bool jsonBody)
    {
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), jsonBody ? path : path + "?" + QueryText(input));
        if (jsonBody) request.Content = new ByteArrayContent(input) { Headers = { ContentType = new("application/json") } };
        return request;
    }

    /// <summary>A multipart/form-data request of <paramref name="parts"/>, or of <paramref name="raw"/> bytes under a multipart content type (broken framing).</summary>
    private static HttpRequestMessage FormRequest(ApiOperation operation, string path, IReadOnlyList<ApiFormPart>? parts, byte[]? raw)
    {
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
        if (raw is not null)
        {
            request.Content = new ByteArrayContent(raw);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=fuzz-boundary");
            return request;
        }
        var content = new MultipartFormDataContent("fuzz-boundary");
        foreach (var part in parts!)
        {
            var bytes = new ByteArrayContent(part.Content);
            if (part.IsFile)
            {
                // Written by hand: a mutated file name may hold quotes, which MultipartFormDataContent refuses client-side. A header
                // line carries ASCII without line breaks only, so the rest goes as RFC 5987 filename* (percent-encoded UTF-8).
                var name = part.FileName ?? "fuzz.bin";
                var ascii = string.Concat(name.Select(c => c is < ' ' or > '~' ? '_' : c));
                bytes.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"{part.Name}\"; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(name)}");
                content.Add(bytes);
            }
            else content.Add(bytes, part.Name);
        }
        request.Content = content;
        return request;
    }

    /// <summary>A form as one input for a finding: each part's name, then its bytes.</summary>
    private static byte[] Describe(IReadOnlyList<ApiFormPart> parts) =>
        [.. parts.SelectMany(p => Encoding.UTF8.GetBytes($"--{p.Name}{(p.IsFile ? $" file {p.FileName}" : "")}\n").Concat(p.Content).Concat("\n"u8.ToArray()))];

    /// <summary>Applies the case's replacements (the current version for the seed's) to the mutated body's text; a body that is not UTF-8 is left as it is.</summary>
    private static byte[] Replace(byte[] input, IReadOnlyDictionary<string, string>? replacements)
    {
        if (replacements is null || replacements.Count == 0) return input;
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(input);
        }
        catch (DecoderFallbackException)
        {
            return input;
        }
        foreach (var (from, to) in replacements) text = text.Replace(from, to, StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text);
    }

    private async Task<(int Status, (string Kind, string Text, string Signature)? Problem)> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var owned = request;
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (0, ("hang", "no answer within the client's timeout", "hang"));
        }
        catch (HttpRequestException ex)
        {
            // The connection closed before an answer: the server failed below the app (a refusal would have been answered).
            return (0, ("crash", $"no answer: {Clip(ex.Message)}", "no-answer"));
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            string body;
            try
            {
                body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                // The answer broke off part-way (a streamed download whose writer failed after the status line was sent).
                return (status, ("crash", $"HTTP {status}, answer cut off: {Clip(ex.Message)}", $"cut:{status}"));
            }
            if (status >= 500) return (status, ("crash", $"HTTP {status}: {Clip(body)}", $"5xx:{status}:{request.Method}"));
            if (status < 400 || StatusesWithoutProblemBody.Contains(status) || response.StatusCode == HttpStatusCode.TooManyRequests) return (status, null);
            if (IsRefusedByKestrel(response, body)) return (status, null);
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                return (status, ("message", $"HTTP {status} without problem details: {Clip(body)}", $"noproblem:{status}"));
            var detail = JsonNode.Parse(body)?["detail"]?.GetValue<string>() ?? "";
            if (detail.Contains('\n', StringComparison.Ordinal) || detail.Contains('\r', StringComparison.Ordinal))
                return (status, ("message", $"HTTP {status} detail spans lines: {Clip(detail)}", $"lines:{status}"));
            return (status, null);
        }
    }

    /// <summary>
    /// Kestrel refuses a request line it cannot accept (an encoded NUL in the path, found by the fuzz suite on
    /// <c>/cases/{reference}/export</c>) with an empty 400 and a closed connection before any middleware runs, so neither a problem
    /// body nor the server's own headers can be on it. The app's refusals always carry its <c>X-Content-Type-Options</c>.
    /// </summary>
    internal static bool IsRefusedByKestrel(HttpResponseMessage response, string body) =>
        response.StatusCode == HttpStatusCode.BadRequest && body.Length == 0 && response.Headers.ConnectionClose == true
        && !response.Headers.Contains("X-Content-Type-Options");

    private static string FillPath(string template, IReadOnlyDictionary<string, string> values, string? mutated)
    {
        var result = new StringBuilder();
        var position = 0;
        while (template.IndexOf('{', position) is var open and >= 0)
        {
            var close = template.IndexOf('}', open);
            var name = template[(open + 1)..close];
            result.Append(template, position, open - position);
            var value = mutated ?? (values.TryGetValue(name, out var known) ? known : "x");
            result.Append(Uri.EscapeDataString(value.Length == 0 ? "x" : value));
            position = close + 1;
        }
        return result.Append(template, position, template.Length - position).ToString();
    }

    /// <summary>A mutated query string, made sendable: every character outside the unreserved set and '=' and '&amp;' is percent-encoded.</summary>
    private static string QueryText(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        return string.Join("&", text.Split('&').Select(pair => string.Join("=", pair.Split('=', 2).Select(Uri.EscapeDataString))));
    }

    private static string SampleQuery(ApiOperation operation, JsonObject? schemas) =>
        string.Join("&", operation.Parameters.Where(p => p.In == "query").Select(p => $"{p.Name}={SampleScalar(p.Schema, schemas)}"));

    private static string SampleScalar(JsonNode? schema, JsonObject? schemas) => Sample(schema, schemas, 0) switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value => value.ToJsonString(),
        _ => "x",
    };

    /// <summary>A value that fits <paramref name="schema"/>: first enum value, 1 for numbers, "x" for strings, one item for arrays, every property for objects.</summary>
    private static JsonNode? Sample(JsonNode? schema, JsonObject? schemas, int depth)
    {
        if (schema is null || depth > 8) return null;
        if (schema["$ref"]?.GetValue<string>() is { } reference)
            return Sample(schemas?[reference.Split('/')[^1]], schemas, depth + 1);
        if (schema["enum"] is JsonArray options && options.Count > 0) return options[0]?.DeepClone();
        if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray alternatives && alternatives.Count > 0)
            return Sample(alternatives.FirstOrDefault(a => a?["type"]?.ToString() != "null"), schemas, depth + 1);
        var type = schema["type"] switch
        {
            JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null") ?? "null",
            JsonValue single => single.GetValue<string>(),
            _ => schema["properties"] is not null ? "object" : "string",
        };
        return type switch
        {
            "object" => new JsonObject((schema["properties"]?.AsObject() ?? []).Select(p => KeyValuePair.Create(p.Key, Sample(p.Value, schemas, depth + 1)))),
            "array" => new JsonArray(Sample(schema["items"], schemas, depth + 1)),
            "integer" or "number" => JsonValue.Create(1),
            "boolean" => JsonValue.Create(true),
            "null" => null,
            _ => JsonValue.Create(schema["format"]?.GetValue<string>() switch
            {
                "date-time" => "2026-03-01T12:00:00Z",
                "date" => "2026-03-01",
                _ => schema["pattern"] is not null ? "1" : "x",
            }),
        };
    }

    private static string Clip(string text) => (text.Length > 300 ? text[..300] + "…" : text).ReplaceLineEndings(" ");

    private static ulong Hash(string text)
    {
        // FNV-1a: a stable per-operation seed (string.GetHashCode is randomised per process).
        var hash = 14695981039346656037UL;
        foreach (var c in text) hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }
}
