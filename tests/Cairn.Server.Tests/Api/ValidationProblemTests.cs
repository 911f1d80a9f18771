using System.Net;
using Cairn.Server.Tests.Infrastructure;

namespace Cairn.Server.Tests.Api;

/// <summary>A bad parameter is one validation problem keyed by the field it is about, with the same one-line message the CLI prints.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class ValidationProblemTests(DemoServerFixture fixture)
{
    [Fact]
    public async Task Trace_MaxHopsOutOfRange_IsAValidationProblemKeyedByTheField()
    {
        using var admin = await fixture.AdminAsync();

        var response = await admin.PostAsync("/api/v1/trace", new { from = new[] { fixture.Demo.Scenario.Ransomware!.RansomAddress }, max_hops = 500 });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal("max_hops 500 is out of range 1–100", response.Json["errors"]!["max_hops"]![0]!.GetValue<string>());
        Assert.Equal("max_hops 500 is out of range 1–100", response.Json["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateCase_MissingTitle_NamesTheField()
    {
        using var admin = await fixture.AdminAsync();

        var response = await admin.PostAsync("/api/v1/cases", new { reference = "VAL-1", offence_type = "fraud" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.NotNull(response.Json["errors"]!["title"]);
    }
}
