using System.Net;
using Cairn.Development.Demo;
using Cairn.Server.Tests.Infrastructure;

namespace Cairn.Server.Tests.Api;

/// <summary>
/// The endpoints behind the web UI's search and run forms (screening, routes, ingest, trace, custody search) answer bad
/// input with a validation problem keyed by the field the form shows it next to (issue 15: every form shows its error next to the field).
/// </summary>
[Collection(DemoServerCollection.Name)]
public sealed class FormValidationProblemTests(DemoServerFixture fixture)
{
    private static string Probe(ApiResponse response) => $"{(int)response.Status} {response.Text}";

    private static void AssertFieldProblem(ApiResponse response, string field)
    {
        Assert.True(response.Status == HttpStatusCode.BadRequest, Probe(response));
        Assert.True(response.Json["errors"]?[field] is not null, $"no error keyed '{field}': {Probe(response)}");
    }

    [Fact]
    public async Task Screen_NoAddress_IsKeyedByAddresses()
    {
        using var admin = await fixture.AdminAsync();
        AssertFieldProblem(await admin.PostAsync("/api/v1/screen", new { addresses = Array.Empty<string>() }), "addresses");
    }

    /// <summary>Found by the API fuzz pass (issue 17): <c>{"addresses":[null],"chain":"x"}</c> was an internal error.</summary>
    [Fact]
    public async Task Screen_NullAddressInTheList_IsKeyedByAddressesAndNamesItsPlace()
    {
        using var admin = await fixture.AdminAsync();
        var response = await admin.PostAsync("/api/v1/screen", new { addresses = new string?[] { "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h", null }, chain = "x" });
        AssertFieldProblem(response, "addresses");
        Assert.Contains("item 2", response.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=X&to=DE&measure=freeze", "from")]
    [InlineData("from=NL&to=&measure=freeze", "to")]
    [InlineData("from=NL&to=ZZ&measure=freeze", "to")]
    [InlineData("from=NL&to=DE&measure=nothing", "measure")]
    [InlineData("from=NL&to=DE&measure=freeze&on=2024-13-45", "on")]
    public async Task Routes_BadParameter_IsKeyedByIt(string query, string field)
    {
        using var admin = await fixture.AdminAsync();
        AssertFieldProblem(await admin.GetAsync($"/api/v1/routes?{query}"), field);
    }

    [Theory]
    [InlineData("/api/v1/btc/ingest", "", "main", "blocks")]
    [InlineData("/api/v1/btc/ingest", "/no/such/directory", "main", "blocks")]
    [InlineData("/api/v1/chains/ltc/ingest", "/no/such/directory", "main", "blocks")]
    public async Task Ingest_BadBlocksDirectory_IsKeyedByBlocks(string path, string blocks, string network, string field)
    {
        using var admin = await fixture.AdminAsync();
        AssertFieldProblem(await admin.PostAsync(path, new { blocks, network }), field);
    }

    [Fact]
    public async Task Ingest_UnknownNetwork_IsKeyedByNetwork()
    {
        using var admin = await fixture.AdminAsync();
        AssertFieldProblem(await admin.PostAsync("/api/v1/btc/ingest", new { blocks = Path.GetTempPath(), network = "moon" }), "network");
    }

    [Theory]
    [InlineData("btc", "", 25, "from")]
    [InlineData("btc", "not-an-address", 25, "from")]
    [InlineData("btc", "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h", 500, "max_hops")]
    [InlineData("eth", "0x12", 25, "from")]
    [InlineData("doge2", "x", 25, "chain")]
    public async Task CaseTrace_BadRequest_IsKeyedByTheField(string chain, string from, int maxHops, string field)
    {
        using var admin = await fixture.AdminAsync();
        AssertFieldProblem(await admin.PostAsync($"/api/v1/cases/{DemoPipeline.CaseReference}/traces",
            new { title = (string?)null, request = new { chain, from = new[] { from }, model = chain == "eth" ? "fifo" : "haircut", max_hops = maxHops } }), field);
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2024-02-30T23:59:59Z", "to")]
    public async Task CustodySearch_MalformedTime_IsKeyedByIt(string query, string field)
    {
        using var admin = await fixture.AdminAsync();
        AssertFieldProblem(await admin.GetAsync($"/api/v1/log/search?{query}"), field);
    }
}
