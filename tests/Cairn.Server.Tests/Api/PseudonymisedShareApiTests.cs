using System.Net;
using System.Text.Json.Nodes;
using Cairn.Server.Tests.Infrastructure;

namespace Cairn.Server.Tests.Api;

/// <summary>
/// A case shared pseudonymised, read through the API by the receiving agency: every GET route of the OpenAPI document under
/// the case (and the lists that name it: cases, notifications, open alerts) answers without any name, identifier or detail of
/// a person, the trace the owner titled with a name included, while the owner's answers carry them (docs/security.md).
/// </summary>
[Collection(DemoServerCollection.Name)]
public sealed class PseudonymisedShareApiTests(DemoServerFixture fixture)
{
    // Unique per run: the demo server is shared by the collection's tests.
    private static readonly string Case = "PSEUDO-API-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private static readonly string[] Personal = ["Jane", "Roe", "P7654321", "Leeds", "jane.roe@example.org", "Victor", "Smythe", "Harrogate"];

    [Fact]
    public async Task PseudonymisedShare_NoEndpointHandsTheRecipientAName_TheOwnerStillSeesThem()
    {
        using var admin = await fixture.AdminAsync();
        using var olga = await fixture.SignInAsync("olga");
        var c = await admin.PostJsonAsync("/api/v1/cases", new { reference = Case, title = "Fraud by Jane Roe", offence_type = "fraud" });
        long V(JsonNode n) => n["version"]!.GetValue<long>();
        c = await admin.PostJsonAsync($"/api/v1/cases/{Case}/subjects", new
        {
            kind = "person", role = "suspect", name = "Jane Roe", details = "born in Leeds",
            identifiers = new[] { new { kind = "passport", value = "P7654321" }, new { kind = "email", value = "jane.roe@example.org" } }, version = V(c),
        });
        c = await admin.PostJsonAsync($"/api/v1/cases/{Case}/wallets", new { chain = "btc", address = fixture.Demo.Scenario.Ransomware!.RansomAddress, role = "perpetrator", label = "wallet of Jane Roe", version = V(c) });
        await admin.PostJsonAsync($"/api/v1/cases/{Case}/notes", new { text = "Jane Roe paid the ransom collector.", version = V(c) });
        await admin.PostJsonAsync($"/api/v1/cases/{Case}/victims", new { name = "Victor Smythe", details = "lives in Harrogate" });
        var trace = (await admin.PostAsync($"/api/v1/cases/{Case}/traces", new { title = "Funds of Jane Roe", request = new { from = new[] { fixture.Demo.Scenario.Ransomware!.RansomAddress }, max_hops = 2 } }));
        Assert.Equal(HttpStatusCode.Created, trace.Status);
        var traceId = trace.Json["trace"]!["id"]!.GetValue<string>();

        var bad = await admin.PostAsync($"/api/v1/cases/{Case}/share", new { agency = DemoServerFixture.OtherAgency, level = "read", pseudonymise = "yes" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        var shared = await admin.PostJsonAsync($"/api/v1/cases/{Case}/share", new { agency = DemoServerFixture.OtherAgency, level = "read", pseudonymise = true });
        Assert.True(shared["grants"]!.AsArray().Single(g => g!["agency"]!.GetValue<string>() == DemoServerFixture.OtherAgency)!["pseudonymised"]!.GetValue<bool>());

        var paths = (await admin.GetJsonAsync("/openapi/v1.json"))["paths"]!.AsObject()
            .Where(p => p.Value!["get"] is not null && p.Key.StartsWith("/api/v1/cases/{reference}", StringComparison.Ordinal))
            .Select(p => p.Key.Replace("{reference}", Case, StringComparison.Ordinal).Replace("/traces/{id}", "/traces/" + traceId, StringComparison.Ordinal))
            .Where(p => !p.Contains('{', StringComparison.Ordinal))
            .Concat(["/api/v1/cases?limit=500", "/api/v1/notifications?limit=500", "/api/v1/alerts/open", $"/api/v1/cases/{Case}/export?pseudonymise=false"])
            .ToList();
        Assert.Contains($"/api/v1/cases/{Case}/dashboard", paths);
        Assert.Contains($"/api/v1/cases/{Case}/traces/{traceId}/graph", paths);
        var answered = 0;
        foreach (var path in paths)
        {
            var response = await olga.GetAsync(path);
            if (response.Status == HttpStatusCode.OK) answered++;
            foreach (var secret in Personal)
                Assert.False(response.Text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"GET {path} ({(int)response.Status}) shows '{secret}' to the recipient: {response.Text[..Math.Min(600, response.Text.Length)]}");
        }
        Assert.True(answered >= 12, $"only {answered} of {paths.Count} routes answered the recipient");

        var seen = await olga.GetJsonAsync($"/api/v1/cases/{Case}");
        var pseudonym = seen["subjects"]![0]!["name"]!.GetValue<string>();
        Assert.Matches("^person-[0-9a-f]{10}$", pseudonym);
        Assert.Contains(pseudonym, (await olga.GetAsync($"/api/v1/cases/{Case}/traces")).Text, StringComparison.Ordinal);
        Assert.Equal(fixture.Demo.Scenario.Ransomware!.RansomAddress, seen["wallets"]![0]!["address"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await olga.GetAsync($"/api/v1/cases/{Case}/evidence/export")).Status);
        Assert.Contains("Jane Roe", (await admin.GetAsync($"/api/v1/cases/{Case}")).Text, StringComparison.Ordinal);
        Assert.Contains("Jane Roe", (await admin.GetAsync($"/api/v1/cases/{Case}/traces")).Text, StringComparison.Ordinal);
    }
}
