using System.Net;
using Cairn.Server.Tests.Infrastructure;
using Cairn.Development.Demo;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Server.Tests.Security;

/// <summary>
/// Every API endpoint the server maps (read from its routing table, so a new endpoint is covered
/// without editing this test) is called as an anonymous stranger and as an investigator of another
/// agency, against the demo case of the demo agency. Nothing of the case may come back, every
/// attempt must be refused, and the other agency's attempts must be in the custody log.
/// </summary>
[Collection(DemoServerCollection.Name)]
public sealed class IsolationMatrixTests(DemoServerFixture fixture)
{
    /// <summary>Endpoints that are meant to work without a session.</summary>
    private static readonly HashSet<string> Anonymous = ["GET /api/v1/auth/antiforgery", "POST /api/v1/auth/login"];

    /// <summary>Endpoints with no case data: any signed-in user of any agency may use them.</summary>
    private static readonly string[] Shared = ["/api/v1/btc", "/api/v1/eth", "/api/v1/chains", "/api/v1/jobs", "/api/v1/exchange", "/api/v1/screen", "/api/v1/trace", "/api/v1/heuristics", "/api/v1/routes", "/api/v1/legal", "/api/v1/intel", "/api/v1/auth", "/api/v1/evidence/verify", "/api/v1/log/head", "/api/v1/agencies", "/api/v1/labels", "/api/v1/notifications", "/api/v1/alerts/open", "/api/v1/rates", "/api/v1/stats"];

    [Fact]
    public async Task EveryEndpoint_RefusesStrangersAndOtherAgencies_AndLeaksNothing()
    {
        var endpoints = ApiEndpoints();
        Assert.True(endpoints.Count >= 40, $"only {endpoints.Count} endpoints found");
        var secrets = SecretsOfTheDemoCase();
        using var stranger = fixture.Server.Anonymous();
        using var olga = await fixture.SignInAsync("olga");
        var refusedForOlga = 0;
        var failures = new List<string>();
        // Signing out ends olga's session: do it last.
        foreach (var (method, template) in endpoints.OrderBy(e => e.Template.EndsWith("/logout", StringComparison.Ordinal)))
        {
            var key = $"{method} {template}";
            var path = await FillAsync(template);
            var anonymous = await CallAsync(stranger, method, path);
            if (!Anonymous.Contains(key) && anonymous.Status != HttpStatusCode.Unauthorized)
                failures.Add($"anonymous {key}: {(int)anonymous.Status}");
            var other = await CallAsync(olga, method, path);
            var leaked = secrets.Where(s => other.Text.Contains(s, StringComparison.Ordinal)).ToList();
            if (leaked.Count > 0) failures.Add($"olga {key}: leaked {string.Join(", ", leaked)}");
            var shared = Shared.Any(p => template.StartsWith(p, StringComparison.Ordinal)) || Anonymous.Contains(key) || template == "/api/v1/cases" || template == "/api/v1/requests" || template == "/api/v1/requests/due";
            if (!shared)
            {
                if (other.Status is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden))
                    failures.Add($"olga {key}: {(int)other.Status} {other.Text[..Math.Min(200, other.Text.Length)]}");
                else refusedForOlga++;
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        using var auditor = await fixture.SignInAsync("aud");
        var log = await auditor.GetJsonAsync("/api/v1/log/verify");
        Assert.True(log["problem"] is null, log.ToJsonString());
        var refusals = await CountRefusalsAsync("olga");
        Assert.True(refusals >= refusedForOlga, $"{refusals} access.refused entries for olga, {refusedForOlga} refused calls");
    }

    private List<(string Method, string Template)> ApiEndpoints() =>
        fixture.Server.Host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, Normalise(e.RoutePattern.RawText!))))
            .Distinct().OrderBy(e => e.Item2, StringComparer.Ordinal).ToList();

    private static string Normalise(string template) => template.TrimEnd('/').Replace("//", "/", StringComparison.Ordinal);

    /// <summary>What the case adds to the public chain; ids in a URL come back in "not found" messages and are not secrets.</summary>
    private static List<string> SecretsOfTheDemoCase() => ["Demo Hospital Foundation", "DemoLocker ransomware payment", "victim (paid the ransom)", "(fictional victim)"];

    private async Task<string> FillAsync(string template)
    {
        var traceId = await TraceIdAsync();
        var path = template.Replace("{reference}", DemoPipeline.CaseReference, StringComparison.Ordinal)
            .Replace("{txid}", fixture.Demo.Scenario.Ransomware!.RansomTxId, StringComparison.Ordinal)
            .Replace("{address}", fixture.Demo.Scenario.Ransomware!.RansomAddress, StringComparison.Ordinal)
            .Replace("{login}", "admin", StringComparison.Ordinal)
            .Replace("{item}", "facts", StringComparison.Ordinal)
            .Replace("{agency}", DemoServerFixture.OtherAgency, StringComparison.Ordinal)
            .Replace("{code}", DemoPipeline.Agency, StringComparison.Ordinal)
            .Replace("{chain}", "btc", StringComparison.Ordinal)
            .Replace("{subject}", "subject-0", StringComparison.Ordinal);
        path = path.Contains("/traces/{id}", StringComparison.Ordinal) ? path.Replace("{id}", traceId, StringComparison.Ordinal)
            : path.Contains("/tokens/{id}", StringComparison.Ordinal) ? path.Replace("{id}", "0000000000000000", StringComparison.Ordinal)
            : path.Contains("/actors/{id}", StringComparison.Ordinal) ? path.Replace("{id}", fixture.Demo.Scenario.Actors[0].Id, StringComparison.Ordinal)
            : path.Replace("{id}", fixture.Demo.Requests[0].Id, StringComparison.Ordinal);
        if (path.StartsWith("/api/v1/routes", StringComparison.Ordinal)) path += "?from=NL&to=DE&measure=freeze";
        if (path.StartsWith("/api/v1/log/entries", StringComparison.Ordinal)) path += "?objectType=case&objectId=x";
        return path;
    }

    private string? _traceId;

    private async Task<string> TraceIdAsync()
    {
        if (_traceId is not null) return _traceId;
        using var admin = await fixture.AdminAsync();
        return _traceId = (await admin.GetJsonAsync($"/api/v1/cases/{DemoPipeline.CaseReference}/traces"))["items"]![0]!["id"]!.GetValue<string>();
    }

    private static Task<ApiResponse> CallAsync(ApiClient client, string method, string path)
    {
        if (path.EndsWith("/evidence", StringComparison.Ordinal) && method == "POST" || path.EndsWith("/evidence/verify", StringComparison.Ordinal))
        {
            var form = new MultipartFormDataContent { { new ByteArrayContent("probe"u8.ToArray()), path.EndsWith("verify", StringComparison.Ordinal) ? "package" : "file", "probe.txt" }, { new StringContent("probe"), "method" }, { new StringContent("probe"), "source" } };
            return client.SendAsync(HttpMethod.Post, path, content: form);
        }
        return client.SendAsync(new HttpMethod(method), path, method is "GET" or "DELETE" ? null : SampleBody(path));
    }

    /// <summary>A well-formed body for each kind of change, so that a refusal is about who asks, not about what was sent.</summary>
    private static object SampleBody(string path) => path switch
    {
        _ when path.EndsWith("/share", StringComparison.Ordinal) => new { agency = DemoServerFixture.OtherAgency, level = "contribute" },
        _ when path.EndsWith("/subjects", StringComparison.Ordinal) || path.Contains("/subjects/", StringComparison.Ordinal) => new { kind = "person", name = "probe" },
        _ when path.StartsWith("/api/v1/admin/agencies", StringComparison.Ordinal) => new { code = "PROBE", name = "probe", state = "DE", kind = "police" },
        _ when path.EndsWith("/status", StringComparison.Ordinal) && path.Contains("/cases/", StringComparison.Ordinal) => new { status = "closed", reason = "probe" },
        _ when path.EndsWith("/status", StringComparison.Ordinal) => new { to = "withdrawn" },
        _ when path.EndsWith("/victims", StringComparison.Ordinal) => new { name = "probe" },
        _ when path.EndsWith("/losses", StringComparison.Ordinal) => new { chain = "btc", token = "BTC", amount = "1", transaction_ids = new[] { new string('a', 64) } },
        _ when path.EndsWith("/reject", StringComparison.Ordinal) || path.EndsWith("/hold", StringComparison.Ordinal) => new { reason = "probe" },
        _ when path.EndsWith("/wallets", StringComparison.Ordinal) => new { chain = "btc", address = "bcrt1qexample", role = "unknown", label = "probe" },
        _ when path.EndsWith("/notes", StringComparison.Ordinal) => new { text = "probe" },
        _ when path.EndsWith("/ledger", StringComparison.Ordinal) => new { @event = "freeze", chain = "btc", token = "BTC", location = "x", amount = "1", legal_basis = "x", authority = "x", jurisdiction = "DE" },
        _ when path.EndsWith("/requests/draft", StringComparison.Ordinal) => new { from = "NL", measures = new[] { "freeze" } },
        _ when path.EndsWith("/traces", StringComparison.Ordinal) => new { request = new { from = new[] { "bcrt1qexample" } } },
        _ when path.Contains("/contents/", StringComparison.Ordinal) => new { text = "probe" },
        _ when path.EndsWith("/check", StringComparison.Ordinal) => new { contents = new Dictionary<string, string>() },
        _ when path == $"/api/v1/cases/{DemoPipeline.CaseReference}" => new { title = "probe", offence_type = "fraud" },
        _ => new { },
    };

    private async Task<int> CountRefusalsAsync(string login)
    {
        // The custody log is listed per object; refusals are objects of type "http", one per path tried.
        using var admin = await fixture.AdminAsync();
        var database = fixture.Server.Host.App.Services.GetRequiredService<Cairn.Storage.CairnDatabase>();
        return await database.QueryAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM custody_entries WHERE action = 'access.refused' AND user_name = @login";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@login";
            parameter.Value = login;
            command.Parameters.Add(parameter);
            return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        });
    }
}
