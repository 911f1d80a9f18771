using System.Net;
using Cairn.Server.Tests.Infrastructure;
using Cairn.Development.Demo;

namespace Cairn.Server.Tests.Api;

/// <summary>/api/v1/stats (docs/statistics.md): the agency's own figures, all agencies only for auditors and administrators, CSV, the public report, refusals by field.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class StatsApiTests(DemoServerFixture fixture)
{
    [Fact]
    public async Task Stats_CountTheAgencysApprovedLedgerEvents_AndOtherAgenciesSeeNone()
    {
        using var admin = await fixture.AdminAsync();
        await admin.PostJsonAsync("/api/v1/cases", new { reference = "STATS-1", title = "stats", offence_type = "fraud" });
        await admin.PostJsonAsync("/api/v1/cases/STATS-1/ledger", new
        {
            @event = "freeze", chain = "btc", token = "BTC", location = "exchange S", amount = "777000001", occurred_at = "2026-02-03",
            legal_basis = "Regulation (EU) 2018/1805 Art 7", authority = "Amtsgericht Berlin", jurisdiction = "AT",
        });

        var mine = await admin.GetJsonAsync("/api/v1/stats?by=month&from=2026-02-01&to=2026-02-28");
        var line = mine["amounts"]!.AsArray().Single(a => a!["state"]!.GetValue<string>() == "AT" && a["period"]!.GetValue<string>() == "2026-02")!;
        Assert.Equal("777000001", line["measures"]!.AsArray().Single(m => m!["measure"]!.GetValue<string>() == "frozen")!["base_units"]!.GetValue<string>());
        Assert.Equal(DemoPipeline.Agency, line["agency"]!.GetValue<string>());

        var csv = await admin.GetAsync("/api/v1/stats/csv?by=month&from=2026-02-01&to=2026-02-28");
        Assert.Equal("text/csv", csv.MediaType);
        Assert.StartsWith("table,agency,state,instrument,period,asset,ground,figure,value\r\n", csv.Text, StringComparison.Ordinal);
        Assert.Contains("frozen_base_units,777000001", csv.Text, StringComparison.Ordinal);

        using var olga = await fixture.SignInAsync("olga");
        var hers = await olga.GetAsync("/api/v1/stats");
        Assert.Equal(HttpStatusCode.OK, hers.Status);
        Assert.DoesNotContain("777000001", hers.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await olga.GetAsync($"/api/v1/stats?agency={DemoPipeline.Agency}")).Status);
    }

    [Fact]
    public async Task PublicReport_HidesACellOfOneCase_AndNamesNoCase()
    {
        using var admin = await fixture.AdminAsync();
        await admin.PostJsonAsync("/api/v1/cases", new { reference = "STATS-2", title = "stats", offence_type = "fraud" });
        await admin.PostJsonAsync("/api/v1/cases/STATS-2/ledger", new
        {
            @event = "freeze", chain = "btc", token = "BTC", location = "exchange T", amount = "123456789", occurred_at = "2026-03-04",
            legal_basis = "Regulation (EU) 2018/1805 Art 7", authority = "Amtsgericht Berlin", jurisdiction = "LU",
        });
        var report = await admin.GetAsync("/api/v1/stats/public?by=month&min_cell=3");
        Assert.Equal(HttpStatusCode.OK, report.Status);
        Assert.DoesNotContain("123456789", report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("STATS-2", report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoPipeline.Agency, report.Text, StringComparison.Ordinal);
        var amounts = report.Json["tables"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == "amounts")!;
        var luxembourg = amounts["rows"]!.AsArray().Single(r => r!["labels"]![0]!.GetValue<string>() == "LU")!;
        Assert.All(luxembourg["cells"]!.AsArray(), c => Assert.Equal("<3", c!.GetValue<string>()));
        var csv = await admin.GetAsync("/api/v1/stats/public/csv?by=month&min_cell=3");
        Assert.Contains("amounts,,LU,,2026-03,BTC on btc,,frozen_base_units,<3", csv.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from", "from=2026-13-01")]
    [InlineData("to", "from=2026-05-01&to=2026-04-01")]
    [InlineData("by", "by=week")]
    [InlineData("currency", "currency=XYZ")]
    public async Task BadQuery_IsAValidationProblemNamingTheParameter(string field, string query)
    {
        using var admin = await fixture.AdminAsync();
        var response = await admin.GetAsync("/api/v1/stats?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.NotNull(response.Json["errors"]![field]);
    }
}
