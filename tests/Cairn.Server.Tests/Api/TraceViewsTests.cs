using System.Globalization;
using System.Net;
using System.Numerics;
using System.Text.Json.Nodes;
using Cairn.Development.Demo;
using Cairn.Server.Tests.Infrastructure;

namespace Cairn.Server.Tests.Api;

/// <summary>
/// The demo trace (3.2 BTC, 2,089 endpoints) read in parts as the trace tab reads it: summary, entity
/// pages, an entity's details, endpoint pages with fiat values, the folded graph, notes; and an
/// Ethereum trace kept with the case like a Bitcoin one.
/// </summary>
[Collection(DemoServerCollection.Name)]
public sealed class TraceViewsTests(DemoServerFixture fixture)
{
    private const string Case = DemoPipeline.CaseReference;

    private static BigInteger Big(JsonNode? node) => BigInteger.Parse(node!.GetValue<string>(), CultureInfo.InvariantCulture);

    private async Task<(ApiClient Admin, string Trace)> DemoTraceAsync()
    {
        var admin = await fixture.AdminAsync();
        var traces = await admin.GetJsonAsync($"/api/v1/cases/{Case}/traces?limit=500");
        return (admin, traces["items"]!.AsArray().Last()!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task DemoTrace_EveryPartIsAPageOfAFewKilobytesNotTheWholeTrace()
    {
        // The trace tab used to load 6 MB of JSON. Each part the page asks for is a page, whatever the trace's size;
        // its speed is measured in the page-speed benchmark (docs/benchmarks.md), not timed here.
        var (admin, trace) = await DemoTraceAsync();
        using var _ = admin;
        var parts = new[] { "summary", "entities?limit=50", "entities?offset=1000&limit=50", "endpoints?limit=50&fiat=EUR", "graph", "entities/actor:lionsgate-digital?limit=20" };
        foreach (var part in parts)
        {
            var response = (await admin.GetAsync($"/api/v1/cases/{Case}/traces/{trace}/{part}")).Ok();
            Assert.True(response.Body.Length < 96 * 1024, $"{part} is {response.Body.Length:N0} bytes");
        }
    }

    [Fact]
    public async Task DemoTrace_EntitiesAddUpExactlyToTheEndpointsAndServicesAreOneEntityEach()
    {
        var (admin, trace) = await DemoTraceAsync();
        using var _ = admin;
        var summary = await admin.GetJsonAsync($"/api/v1/cases/{Case}/traces/{trace}/summary");
        Assert.Equal(2089, summary["endpoints"]!.GetValue<int>());
        var total = BigInteger.Zero;
        var ids = new List<string>();
        for (long? offset = 0; offset is not null;)
        {
            var page = await admin.GetJsonAsync($"/api/v1/cases/{Case}/traces/{trace}/entities?offset={offset}&limit=500");
            foreach (var e in page["items"]!.AsArray())
            {
                total += Big(e!["amount_sat"]);
                ids.Add(e["entity_id"]!.GetValue<string>());
            }
            offset = page["next_offset"]?.GetValue<long>();
        }
        Assert.Equal(Big(summary["endpoint_total"]), total);
        Assert.Equal(summary["entities"]!.GetValue<int>(), ids.Count);
        foreach (var actor in fixture.Demo.Scenario.Ransomware!.Deposits.Select(d => d.Actor).Distinct()) Assert.Single(ids, "actor:" + actor);
        Assert.All(summary["jurisdictions"]!.AsArray(), j => Assert.NotNull(j!["value_eur"]?.GetValue<string>()));
        Assert.Contains(DemoPipeline.DemoRateSource, summary["fiat"]![0]!["source"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoTrace_GraphShowsAtMostSixtyNodes_FoldingTheRestPerState_AndExpandsAnEntity()
    {
        var (admin, trace) = await DemoTraceAsync();
        using var _ = admin;
        var graph = await admin.GetJsonAsync($"/api/v1/cases/{Case}/traces/{trace}/graph");
        var nodes = graph["nodes"]!.AsArray();
        Assert.InRange(nodes.Count, 10, 60);
        Assert.True(graph["folded_entities"]!.GetValue<int>() > 1000);
        Assert.Contains(nodes, n => n!["kind"]!.GetValue<string>() == "other");
        Assert.Single(nodes, n => n!["seed"]!.GetValue<bool>());
        Assert.All(graph["edges"]!.AsArray(), e => Assert.NotNull(e!["value_usd"]?.GetValue<string>()));
        // Nodes carry every endpoint's amount: kept entities plus folded groups.
        var shown = nodes.Aggregate(BigInteger.Zero, (s, n) => s + Big(n!["amount"]));
        var summary = await admin.GetJsonAsync($"/api/v1/cases/{Case}/traces/{trace}/summary");
        Assert.Equal(Big(summary["endpoint_total"]), shown);

        var expanded = await admin.GetJsonAsync($"/api/v1/cases/{Case}/traces/{trace}/graph?expand=actor:kestrel-markets");
        var members = expanded["nodes"]!.AsArray().Where(n => n!["parent"]?.GetValue<string>() == "actor:kestrel-markets").ToList();
        Assert.True(members.Count > 10);
        Assert.DoesNotContain(expanded["nodes"]!.AsArray(), n => n!["id"]!.GetValue<string>() == "actor:kestrel-markets");

        var early = await admin.GetJsonAsync($"/api/v1/cases/{Case}/traces/{trace}/graph?until={Uri.EscapeDataString(summary["first_seen"]!.GetValue<string>())}");
        Assert.True(early["nodes"]!.AsArray().Count < nodes.Count);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"/api/v1/cases/{Case}/traces/{trace}/graph?max_nodes=1")).Status);
    }

    [Fact]
    public async Task DemoTrace_EntityDetailListsAddressesWithTimesTagsWithSourceAndHeuristicsWithRule()
    {
        var (admin, trace) = await DemoTraceAsync();
        using var _ = admin;
        var detail = await admin.GetJsonAsync($"/api/v1/cases/{Case}/traces/{trace}/entities/actor:lionsgate-digital?limit=5");
        Assert.Equal("SG", detail["entity"]!["jurisdictions"]![0]!.GetValue<string>());
        Assert.Equal(5, detail["members"]!["items"]!.AsArray().Count);
        Assert.All(detail["members"]!["items"]!.AsArray(), m => Assert.NotNull(m!["transactions"]![0]!["time"]?.GetValue<string>()));
        Assert.Contains(detail["tags"]!.AsArray(), t => t!["source"] is not null && t["confidence"]!.GetValue<string>() == "ownership");
        Assert.Contains(detail["heuristics"]!.AsArray(), h => h!["rule"]!.GetValue<string>() == "attribution");
        var missing = await admin.GetAsync($"/api/v1/cases/{Case}/traces/{trace}/entities/actor:nobody");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
    }

    [Fact]
    public async Task Annotation_IsKeptWithTheTrace_ShownInTheGraph_AndCleared()
    {
        var (admin, trace) = await DemoTraceAsync();
        using var _ = admin;
        var node = "actor:northwind-exchange";
        (await admin.SendAsync(HttpMethod.Put, $"/api/v1/cases/{Case}/traces/{trace}/annotations/{node}", new { text = "freeze requested 2026-05-02" })).Ok();
        var graph = await admin.GetJsonAsync($"/api/v1/cases/{Case}/traces/{trace}/graph");
        Assert.Contains(graph["annotations"]!.AsArray(), a => a!["node_id"]!.GetValue<string>() == node && a["text"]!.GetValue<string>() == "freeze requested 2026-05-02");
        (await admin.SendAsync(HttpMethod.Put, $"/api/v1/cases/{Case}/traces/{trace}/annotations/{node}", new { text = "" })).Ok();
        graph = await admin.GetJsonAsync($"/api/v1/cases/{Case}/traces/{trace}/graph");
        Assert.DoesNotContain(graph["annotations"]!.AsArray(), a => a!["node_id"]!.GetValue<string>() == node);

        using var other = await fixture.SignInAsync("olga");
        Assert.Equal(HttpStatusCode.NotFound, (await other.SendAsync(HttpMethod.Put, $"/api/v1/cases/{Case}/traces/{trace}/annotations/{node}", new { text = "x" })).Status);
    }

    [Fact]
    public async Task Endpoints_AskedInEur_CarryValueRateDateAndSource()
    {
        var (admin, trace) = await DemoTraceAsync();
        using var _ = admin;
        var page = await admin.GetJsonAsync($"/api/v1/cases/{Case}/traces/{trace}/endpoints?limit=3&fiat=EUR&entity=actor:kestrel-markets");
        Assert.Equal(3, page["items"]!.AsArray().Count);
        foreach (var e in page["items"]!.AsArray())
        {
            Assert.Equal("actor:kestrel-markets", e!["entity_id"]!.GetValue<string>());
            var fiat = e["fiat"]!;
            Assert.Equal(("EUR", "daily_rate"), (fiat["currency"]!.GetValue<string>(), fiat["basis"]!.GetValue<string>()));
            Assert.Equal(e["time"]!.GetValue<string>()[..10], fiat["rate_date"]!.GetValue<string>());
            Assert.Contains(DemoPipeline.DemoRateSource, fiat["source"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"/api/v1/cases/{Case}/traces/{trace}/endpoints?fiat=XXX")).Status);
    }

    [Fact]
    public async Task EthereumTrace_IsSavedWithTheCase_RerunsIdentically_AndReadsLikeABitcoinTrace()
    {
        SmallEthereumIndex.WriteInto(fixture.DataDirectory);
        using var admin = await fixture.AdminAsync();
        var saved = await admin.PostJsonAsync($"/api/v1/cases/{Case}/traces", new { title = "thief's ETH", request = new { chain = "eth", from = new[] { SmallEthereumIndex.Address(2) } } });
        var id = saved["trace"]!["id"]!.GetValue<string>();
        Assert.Equal("eth", saved["trace"]!["chain"]!.GetValue<string>());
        Assert.NotEmpty(saved["eth_report"]!["entities"]!.AsArray());
        Assert.True((await admin.PostJsonAsync($"/api/v1/cases/{Case}/traces/{id}/rerun"))["identical"]!.GetValue<bool>());
        var summary = await admin.GetJsonAsync($"/api/v1/cases/{Case}/traces/{id}/summary");
        Assert.Equal(("eth", "ETH", "amount_wei"), (summary["chain"]!.GetValue<string>(), summary["asset"]!.GetValue<string>(), summary["amount_field"]!.GetValue<string>()));
        var entities = await admin.GetJsonAsync($"/api/v1/cases/{Case}/traces/{id}/entities");
        Assert.Equal(Big(summary["endpoint_total"]), entities["items"]!.AsArray().Aggregate(BigInteger.Zero, (s, e) => s + Big(e!["amount_wei"])));
        var graph = await admin.GetJsonAsync($"/api/v1/cases/{Case}/traces/{id}/graph");
        Assert.Single(graph["nodes"]!.AsArray(), n => n!["seed"]!.GetValue<bool>());
        var item = await admin.PostJsonAsync($"/api/v1/cases/{Case}/traces/{id}/evidence");
        Assert.Equal(64, item["sha256"]!.GetValue<string>().Length);
        var read = await admin.GetJsonAsync($"/api/v1/cases/{Case}/traces/{id}");
        Assert.Equal("thief's ETH", read["trace"]!["title"]!.GetValue<string>());
        Assert.NotNull(read["eth_report"]);
    }
}
