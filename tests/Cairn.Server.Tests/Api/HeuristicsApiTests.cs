using System.Net;
using Cairn.Server.Tests.Infrastructure;
using Cairn.Tracing.Heuristics;
using Cairn.Tracing.Heuristics.ErrorRates;

namespace Cairn.Server.Tests.Api;

/// <summary>GET /api/v1/heuristics answers the measured figures (as `cairn heuristics report --json`), and traces quote them.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class HeuristicsApiTests(DemoServerFixture fixture)
{
    [Fact]
    public async Task GetHeuristics_AnswersEveryRuleWithItsMeasurementsAndDataSets()
    {
        using var admin = await fixture.AdminAsync();
        var report = await admin.GetJsonAsync("/api/v1/heuristics");
        Assert.Equal(HeuristicFigures.Embedded.MeasuredAt, report["measured_at"]!.GetValue<string>());
        Assert.Equal(HeuristicCatalogue.Rules.Select(r => r.Id), report["rules"]!.AsArray().Select(r => r!["rule"]!.GetValue<string>()));
        var multiInput = report["rules"]!.AsArray().First(r => r!["rule"]!.GetValue<string>() == "multi_input")!;
        Assert.NotEmpty(multiInput["measurements"]!.AsArray());
        Assert.NotEmpty(report["data_sets"]!.AsArray());
    }

    [Fact]
    public async Task GetHeuristics_UnknownRule_IsAValidationProblemKeyedByRule()
    {
        using var admin = await fixture.AdminAsync();
        var response = await admin.GetAsync("/api/v1/heuristics?rule=magic");
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.StartsWith("unknown heuristic rule 'magic'", response.Json["errors"]!["rule"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoTrace_QuotesEveryHeuristicStepWithItsMeasuredErrorRates()
    {
        using var admin = await fixture.AdminAsync();
        var report = await admin.PostJsonAsync("/api/v1/trace", new { from = new[] { fixture.Demo.Scenario.Ransomware!.RansomAddress }, max_hops = 12 });
        var steps = report["heuristics"]!.AsArray();
        Assert.Contains(steps, s => s!["rule"]!.GetValue<string>() == "coinjoin_any");
        Assert.All(steps, s => Assert.NotEmpty(s!["measured"]!.AsArray()));
        var coinJoin = report["coinjoins"]!.AsArray().First()!;
        Assert.Equal(coinJoin["rule"]!.GetValue<string>(), coinJoin["measured_precision"]!["rule"]!.GetValue<string>());
        Assert.NotNull(coinJoin["measured_precision"]!["precision"]);
    }

    [Fact]
    public async Task OpenApi_DescribesTheHeuristicsOperationWithANamedSchema()
    {
        using var client = fixture.Server.Anonymous();
        var document = (await client.GetAsync("/openapi/v1.json")).Ok().Json;
        var operation = document["paths"]!["/api/v1/heuristics"]!["get"]!;
        Assert.Equal("GetHeuristicsReport", operation["operationId"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(operation["summary"]!.GetValue<string>()));
        var schema = operation["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        Assert.Equal("#/components/schemas/HeuristicsReport", schema);
        Assert.NotNull(document["components"]!["schemas"]!["RuleMeasurement"]);
    }
}
