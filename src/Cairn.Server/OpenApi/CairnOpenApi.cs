using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Cairn.Server.OpenApi;

/// <summary>
/// The OpenAPI document (/openapi/v1.json), complete enough for a client generator and Redocly's
/// recommended rules: the document's info and licence, the three ways a caller proves who it is
/// (the session cookie, a bearer API token, and the antiforgery header that cookie sessions must add
/// to every change) applied to each operation, and schema names made from the declaring type for
/// nested records (TraceReport.Endpoint is TraceReportEndpoint, not a second "Endpoint").
/// </summary>
public static class CairnOpenApi
{
    public const string SessionScheme = "session";
    public const string BearerScheme = "apiToken";
    public const string AntiforgeryScheme = "antiforgery";

    public static void Configure(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.CreateSchemaReferenceId = type => type.Type.IsNested && !type.Type.IsGenericType
            ? type.Type.DeclaringType!.Name + OpenApiOptions.CreateDefaultSchemaReferenceId(type)
            : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        options.AddDocumentTransformer(DescribeDocumentAsync);
        options.AddOperationTransformer(SecureOperationAsync);
        options.AddOperationTransformer(DescribeFilesAsync);
        options.AddSchemaTransformer(DescribeAmountsAsync);
    }

    /// <summary>Files (evidence packages, rendered requests) and plain text are answered as they are: a binary or text string, not an unnamed body.</summary>
    private static Task DescribeFilesAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var (code, response) in operation.Responses ?? [])
        {
            if (!code.StartsWith('2') || response.Content is null) continue;
            foreach (var (mediaType, content) in response.Content)
            {
                if (content.Schema is not null) continue;
                content.Schema = mediaType.StartsWith("text/", StringComparison.Ordinal)
                    ? new OpenApiSchema { Type = JsonSchemaType.String }
                    : new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>What each group of operations is for (the document's tags, in the order people meet them).</summary>
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Authentication"] = "Sign-in (cookie session), sign-out, password change and the user's own API tokens.",
        ["Administration"] = "Accounts of the installation: create with a one-time password, roles, disable and enable (admins).",
        ["Cases"] = "Cases of the caller's agency or shared with it: subjects, wallets, notes, status, sharing. Every read and change is in the custody log.",
        ["Evidence"] = "Evidence files of a case stored by SHA-256, the signed evidence package, and its verification with no database.",
        ["Ledger"] = "The asset-recovery ledger of a case: frozen, seized, confiscated, returned, shared.",
        ["Tracing"] = "Following funds on Bitcoin and Ethereum, and the traces kept with a case (re-run, attach as evidence).",
        ["Heuristics"] = "The measured error rates (precision, recall, intervals, data sets) of the clustering, change, CoinJoin and peel-chain heuristics.",
        ["Legal cooperation"] = "Legal routes between States, and the requests drafted from traces: contents, completeness, deadlines, status, rendering.",
        ["Bitcoin"] = "The Bitcoin index: status, transactions, addresses, clusters, paths, ingest.",
        ["Ethereum"] = "The Ethereum index: status, transactions, addresses.",
        ["Jobs"] = "Background jobs of this server (ingest) and their progress.",
        ["Screening"] = "Addresses screened against tags and sanctions lists, with hits on their multi-input clusters.",
        ["Intelligence"] = "The attribution intelligence behind screening and tracing: actors and statistics.",
        ["Custody log"] = "The tamper-evident custody log (RFC 9162): signed head, verification, entries about an object.",
        ["Exchange"] = "What this node exchanged with partner agencies, for people: partners, outbox, inbox.",
        ["Node-to-node exchange"] = "The protocol partner nodes speak: this node's card, and sealed envelopes answered with signed receipts.",
        ["Health"] = "Whether the server is up.",
    };

    /// <summary>Exact amounts (BigInteger) travel as decimal strings of base units (see CairnJson).</summary>
    private static Task DescribeAmountsAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(System.Numerics.BigInteger))
        {
            schema.Type = JsonSchemaType.String;
            schema.Pattern = "^[0-9]+$";
            schema.Description = "An exact amount in base units (satoshi, wei, token units), as a decimal string";
        }
        return Task.CompletedTask;
    }

    private static Task DescribeDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Cairn API",
            Version = "v1",
            Description = "Cross-border tracing and recovery of crypto assets: cases, traces, evidence, ledger, legal requests, screening and node-to-node exchange. " +
                "Sign in with POST /api/v1/auth/login (session cookie; changes also carry the X-CSRF-TOKEN header from GET /api/v1/auth/antiforgery) " +
                "or send an API token as 'Authorization: Bearer cairn_…'. Amounts are strings of base units; errors are RFC 9457 problem details.",
            License = new OpenApiLicense { Name = "Apache-2.0", Url = new Uri("https://www.apache.org/licenses/LICENSE-2.0") },
        };
        // Servers are the address the document was asked at; Redocly (no-server-trailing-slash) wants no trailing '/'.
        foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description)) tag.Description = description;
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SessionScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "cairn.session",
            Description = "The session cookie set by POST /api/v1/auth/login (HttpOnly, SameSite=Strict).",
        };
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "cairn_<id>_<secret>",
            Description = "An API token created with POST /api/v1/auth/tokens, for scripts (no cookie, no antiforgery header).",
        };
        document.Components.SecuritySchemes[AntiforgeryScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-CSRF-TOKEN",
            Description = "The antiforgery token from GET /api/v1/auth/antiforgery; required with the session cookie on every change (POST, PUT, DELETE).",
        };
        return Task.CompletedTask;
    }

    /// <summary>
    /// Anonymous operations get an explicit empty requirement; the others accept the session (with the
    /// antiforgery header on changes) or an API token.
    /// </summary>
    private static Task SecureOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        if (anonymous)
        {
            operation.Security = [];
            return Task.CompletedTask;
        }
        var change = !string.Equals(context.Description.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase);
        var session = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SessionScheme, context.Document)] = [] };
        if (change) session[new OpenApiSecuritySchemeReference(AntiforgeryScheme, context.Document)] = [];
        operation.Security = [session, new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Not signed in, or the session or token is no longer valid" });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = "Signed in, but the account's roles do not allow this" });
        return Task.CompletedTask;
    }
}
