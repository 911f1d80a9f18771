using System.Net;
using Cairn.Server.Tests.Infrastructure;

namespace Cairn.Server.Tests.Security;

[Collection(DemoServerCollection.Name)]
public sealed class HardeningTests(DemoServerFixture fixture)
{
    [Fact]
    public async Task EveryAnswer_CarriesTheSecurityHeaders()
    {
        using var client = fixture.Server.Anonymous();
        foreach (var path in new[] { "/", "/app.js", "/api/v1/cases" })
        {
            var response = await client.GetAsync(path);
            Assert.Contains("script-src 'self'", response.Headers["Content-Security-Policy"], StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers["X-Content-Type-Options"]);
            Assert.Equal("DENY", response.Headers["X-Frame-Options"]);
        }
    }

    [Fact]
    public async Task UiIsServedFromTheServerItself_WithTheVendoredGraphLibrary()
    {
        using var client = fixture.Server.Anonymous();
        var index = (await client.GetAsync("/")).Ok();
        // The graph library is loaded from this server by graph.js when a graph is drawn, not by every page.
        Assert.DoesNotContain("/vendor/cytoscape.min.js", index.Text, StringComparison.Ordinal);
        Assert.Contains("\"/vendor/cytoscape.min.js?v=", (await client.GetAsync("/graph.js")).Ok().Text, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"modulepreload\" href=\"/trace.js?v=", index.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("http", index.Text.Replace("http-equiv", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var cytoscape = (await client.GetAsync("/vendor/cytoscape.min.js")).Ok();
        Assert.True(cytoscape.Body.Length > 100_000);
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheApi()
    {
        using var client = fixture.Server.Anonymous();
        var document = (await client.GetAsync("/openapi/v1.json")).Ok().Json;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/v1/cases/{reference}", paths);
        Assert.Contains("/api/v1/screen", paths);
    }

    [Fact]
    public async Task OversizedJsonBody_IsRefusedWith413()
    {
        using var admin = await fixture.AdminAsync();
        var response = await admin.PostAsync("/api/v1/screen", new { addresses = Enumerable.Repeat(new string('1', 100), 20_000).ToArray() });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
    }

    [Fact]
    public async Task UnknownCase_IsA404ProblemWithOneLine()
    {
        using var admin = await fixture.AdminAsync();
        var response = await admin.GetAsync("/api/v1/cases/NO-SUCH-CASE");
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.DoesNotContain("\n", response.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedJson_IsA400Problem()
    {
        using var admin = await fixture.AdminAsync();
        var response = await admin.SendAsync(HttpMethod.Post, "/api/v1/screen", content: new StringContent("{\"addresses\": [", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }
}
