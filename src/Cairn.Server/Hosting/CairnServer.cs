using System.Threading.RateLimiting;
using Cairn.Core.Json;
using Cairn.Server.Api;
using Cairn.Server.Auth;
using Cairn.Server.Exchange;
using Cairn.Server.OpenApi;
using Cairn.Server.Security;
using Cairn.Server.Ui;
using Cairn.Workspace;
using Cairn.Workspace.Administration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Cairn.Storage;
using Cairn.Storage.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Cairn.Server.Hosting;

/// <summary>
/// Builds the web application for one installation: opens the database (migrated), bootstraps
/// the first admin, registers what endpoints need, and maps the API (/api/v1, OpenAPI at
/// /openapi/v1.json), the node-to-node exchange (/exchange/v1) and the web UI. Used by the
/// server's own entry point, by `cairn serve` / `cairn demo`, and by tests.
/// </summary>
public static class CairnServer
{
    public static async Task<ServerHost> BuildAsync(ServerOptions options, string[]? args = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args ?? [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(options.Urls);
        // Per-request information logs would cost more than many requests do; warnings and refusals stay.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // The web keys sit unencrypted in the data directory like custody-key.pem and the node keys:
        // the directory's permissions are the boundary (docs/server.md), so the start-up warning is noise.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            k.AddServerHeader = false;
        });
        var time = options.Time ?? TimeProvider.System;
        Directory.CreateDirectory(options.DataDirectory);

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(time);
        // The application: every use case the endpoints call, with the installation's database and indexes.
        services.AddCairnWorkspace(new WorkspaceOptions
        {
            DataDirectory = options.DataDirectory,
            DatabaseUrl = options.DatabaseUrl,
            LegalDataDirectory = options.LegalDataDirectory,
            AlertWebhookUrl = options.AlertWebhookUrl,
            Time = time,
        });
        services.AddSingleton<EmbeddedUi>();
        services.ConfigureHttpJsonOptions(json => CairnJson.Configure(json.SerializerOptions));
        // Session cookies and antiforgery tokens are protected with keys kept in the database (sealed
        // under the installation secret), not the user profile: sessions survive restarts, and every
        // server node on one database accepts what another issued (docs/operations.md, "Several nodes").
        services.AddSingleton(provider => SqliteServerLock.For(provider.GetRequiredService<CairnDatabase>()));
        services.AddSingleton(provider => new DatabaseKeyRepository(new SqlWebKeyRing(provider.GetRequiredService<CairnDatabase>()), Path.Combine(options.DataDirectory, LegacyWebKeysFolder)));
        services.AddDataProtection().SetApplicationName("cairn");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(k => k.XmlRepository = provider.GetRequiredService<DatabaseKeyRepository>()));
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemMapping>();
        services.AddOpenApi("v1", CairnOpenApi.Configure);
        services.AddAntiforgery(a =>
        {
            a.HeaderName = "X-CSRF-TOKEN";
            a.Cookie.Name = "cairn.af";
            a.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "Cairn";
                o.DefaultChallengeScheme = "Cairn";
            })
            .AddPolicyScheme("Cairn", "cookie or API token", p => p.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? ApiTokenHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, c =>
            {
                c.Cookie.Name = "cairn.session";
                c.Cookie.HttpOnly = true;
                c.Cookie.SameSite = SameSiteMode.Strict;
                c.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                c.ExpireTimeSpan = options.SessionLifetime;
                c.SlidingExpiration = true;
                c.Events.OnRedirectToLogin = e => { e.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
                c.Events.OnRedirectToAccessDenied = e => { e.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
                c.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);
        services.AddAuthorization(Policies.Add);
        services.AddRateLimiter(r =>
        {
            r.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            r.AddPolicy(AuthApi.LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.LoginAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // The API per user (or address when anonymous); the node-to-node exchange, which anyone can
            // reach without signing in, per client address (issue 17).
            r.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/api")
                    ? RateLimitPartition.GetTokenBucketLimiter("api:" + (context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                        _ => Bucket(options.ApiRequestsPerSecond))
                : context.Request.Path.StartsWithSegments("/exchange")
                    ? RateLimitPartition.GetTokenBucketLimiter("exchange:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                        _ => Bucket(options.ExchangeRequestsPerSecond))
                : RateLimitPartition.GetNoLimiter("static"));
        });
        services.AddHostedService<OutboxDeliveryService>();
        services.AddHostedService<ScheduledPurgeService>();

        var app = builder.Build();
        string? bootstrapPassword;
        try
        {
            // Opens (and migrates) the database; on SQLite takes the one-server lock (held until the
            // host is disposed) before anything is written.
            _ = app.Services.GetRequiredService<SqliteServerLock>();
            // On a fresh installation creates the admin with a one-time password.
            bootstrapPassword = await app.Services.GetRequiredService<AccountService>().BootstrapAsync(options.AdminAgency, options.AdminRoles, cancellationToken).ConfigureAwait(false);
            // Read the key ring now, so an unreadable one stops the start with its one-line reason
            // instead of failing every sign-in later.
            _ = app.Services.GetRequiredService<DatabaseKeyRepository>().GetAllElements();
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeaders>();
        app.UseRouting();
        // The UI's files are public (they hold no data); everything under /api needs a session.
        var ui = app.Services.GetRequiredService<EmbeddedUi>();
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is not null || !await ui.TryServeAsync(context).ConfigureAwait(false)) await next(context).ConfigureAwait(false);
        });
        app.UseAuthentication();
        app.UseMiddleware<RefusalAudit>();
        app.UseRateLimiter();
        app.UseMiddleware<AntiforgeryCheck>();
        app.UseAuthorization();

        app.MapGet("/healthz", () => TypedResults.Text("ok")).AllowAnonymous().Produces<string>(StatusCodes.Status200OK, "text/plain").WithTags("Health").WithName("GetHealth").WithSummary("Whether the server is up (answers the text ok)");
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapAuthApi();
        app.MapAdminApi();
        app.MapAgenciesApi();
        app.MapLabelsApi();
        app.MapNotificationsApi();
        // Routes under /api/v1/cases/{reference}: an agency the case is shared with pseudonymised gets its answers masked.
        var caseData = app.MapGroup("").AddEndpointFilter<PseudonymisedShareFilter>();
        caseData.MapCasesApi();
        caseData.MapEvidenceApi();
        caseData.MapLedgerApi();
        caseData.MapVictimsApi();
        app.MapStatsApi();
        caseData.MapTracesApi();
        app.MapRatesApi();
        caseData.MapWatchlistsApi();
        app.MapHeuristicsApi();
        caseData.MapLegalApi();
        app.MapChainApi();
        app.MapChainsApi();
        app.MapScreeningApi();
        app.MapCustodyLogApi();
        app.MapOperationsApi();
        caseData.MapRetentionApi();
        app.MapCaseExportApi();
        app.MapExchangeViewApi();
        app.MapExchangeProtocolApi();
        return new ServerHost(app, bootstrapPassword);
    }

    /// <summary>Where the key ring lived before it moved into the database (imported once).</summary>
    public const string LegacyWebKeysFolder = "web-keys";

    private static TokenBucketRateLimiterOptions Bucket(int perSecond) =>
        new() { TokenLimit = Math.Max(1, perSecond * 2), TokensPerPeriod = Math.Max(1, perSecond), ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0 };
}
