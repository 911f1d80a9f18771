using System.Text.Json.Nodes;
using Cairn.Development.Demo;
using Cairn.Server.Tests.Infrastructure;
using Cairn.TestSupport.Schemas;

namespace Cairn.Server.Tests.Schemas;

/// <summary>
/// docs/schemas/trace-report.schema.json names the API's trace endpoint and saved case traces as
/// producers besides the CLI: their real answers are validated here with JsonSchema.Net.
/// </summary>
[Collection(DemoServerCollection.Name)]
public sealed class TraceReportSchemaTests(DemoServerFixture fixture)
{
    private const string Case = DemoPipeline.CaseReference;

    private static void AssertValid(JsonNode report)
    {
        // CAIRN_SCHEMA_DUMP=DIR keeps the checked report for a look with other validators (as the CLI's schema tests do).
        var dump = Environment.GetEnvironmentVariable("CAIRN_SCHEMA_DUMP");
        if (!string.IsNullOrEmpty(dump)) File.WriteAllText(Path.Combine(dump, $"server-trace-report-{Guid.NewGuid():N}.json"), report.ToJsonString());
        var errors = SchemaCheck.Errors(SchemaCheck.RepositoryFile("docs", "schemas", "trace-report.schema.json"), report);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Take(20)));
    }

    [Fact]
    public async Task TraceEndpoint_AnswersABitcoinReportThatMatchesTheSchema()
    {
        using var admin = await fixture.AdminAsync();

        var report = await admin.PostJsonAsync("/api/v1/trace", new
        {
            from = new[] { fixture.Demo.Scenario.Ransomware!.RansomAddress },
            model = "poison",
            max_hops = 6,
            min_amount_sat = "1000",
            until = "2100-01-01T00:00:00Z",
        });

        AssertValid(report);
        Assert.Equal("1000", report["request"]!["min_amount_sat"]!.GetValue<string>());
        Assert.Null(report["request"]!["asset"]);
    }

    [Fact]
    public async Task SavedCaseTraces_MatchTheSchema_TheDemosOwnAndANewOne()
    {
        using var admin = await fixture.AdminAsync();
        var traces = await admin.GetJsonAsync($"/api/v1/cases/{Case}/traces");
        var demoTrace = traces["items"]!.AsArray().Last()!["id"]!.GetValue<string>();

        AssertValid((await admin.GetJsonAsync($"/api/v1/cases/{Case}/traces/{demoTrace}"))["report"]!);

        var saved = await admin.PostJsonAsync($"/api/v1/cases/{Case}/traces", new
        {
            title = "schema check",
            request = new { from = new[] { fixture.Demo.Scenario.Ransomware!.RansomAddress }, direction = "forward", max_hops = 3, through_coinjoin = true },
        });
        AssertValid(saved["report"]!);
    }
}
