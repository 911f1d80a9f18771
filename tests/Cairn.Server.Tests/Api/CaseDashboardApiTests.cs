using System.Net;
using Cairn.Server.Tests.Infrastructure;
using Cairn.Development.Demo;

namespace Cairn.Server.Tests.Api;

/// <summary>The case dashboard: per jurisdiction traced value, requests and recovery funnel; next deadlines; latest activity; hidden like the case.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class CaseDashboardApiTests(DemoServerFixture fixture)
{
    [Fact]
    public async Task Dashboard_ShowsTheRecoveryFunnelPerState_AndTheLedgerStepsAsActivity()
    {
        using var admin = await fixture.AdminAsync();
        await admin.PostJsonAsync("/api/v1/cases", new { reference = "DASH-1", title = "dashboard", offence_type = "fraud" });
        foreach (var (kind, units, recipient) in new[] { ("freeze", "2", (string?)null), ("seize", "2", null), ("confiscate", "1.5", null), ("return_to_victim", "1", "victim A") })
            await admin.PostJsonAsync("/api/v1/cases/DASH-1/ledger", new
            {
                @event = kind, chain = "btc", token = "BTC", location = "exchange A", amount_units = units, recipient,
                legal_basis = "Regulation (EU) 2018/1805 Art 7", authority = "Amtsgericht Berlin", jurisdiction = "DE",
            });
        // The return counts once a second user approves it (four eyes on disposals).
        var pending = (await admin.GetJsonAsync("/api/v1/cases/DASH-1/ledger"))["events"]!.AsArray().Single(e => e!["approval"]!.GetValue<string>() == "pending")!;
        using (var prosecutor = await fixture.SignInAsync("pros"))
            await prosecutor.PostJsonAsync($"/api/v1/cases/DASH-1/ledger/{pending["id"]!.GetValue<string>()}/approve");

        var board = await admin.GetJsonAsync("/api/v1/cases/DASH-1/dashboard");

        var germany = board["jurisdictions"]!.AsArray().Single(j => j!["state"]!.GetValue<string>() == "DE")!;
        var btc = germany["recovery"]![0]!;
        Assert.Equal(("200000000", "200000000", "150000000", "100000000"),
            (btc["frozen"]!.GetValue<string>(), btc["seized"]!.GetValue<string>(), btc["confiscated"]!.GetValue<string>(), btc["returned"]!.GetValue<string>()));
        Assert.Equal("0", germany["traced_sat"]!.GetValue<string>());
        var activity = board["latest_activity"]!.AsArray();
        Assert.Equal(4, activity.Count(a => a!["kind"]!.GetValue<string>() == "ledger_event"));
        Assert.Null(board["trace_id"]);
    }

    [Fact]
    public async Task Dashboard_OfTheDemoCase_ShowsTracedValuePerJurisdiction()
    {
        using var admin = await fixture.AdminAsync();
        var board = await admin.GetJsonAsync($"/api/v1/cases/{DemoPipeline.CaseReference}/dashboard");
        Assert.NotNull(board["trace_id"]);
        var traced = board["jurisdictions"]!.AsArray().Where(j => j!["traced_sat"]!.GetValue<string>() != "0").ToList();
        Assert.NotEmpty(traced);
        Assert.Contains(traced, j => j!["services"]!.AsArray().Count > 0);
    }

    [Fact]
    public async Task Dashboard_OfACaseAnotherAgencyCannotSee_IsNotFound()
    {
        using var admin = await fixture.AdminAsync();
        await admin.PostAsync("/api/v1/cases", new { reference = "DASH-2", title = "hidden", offence_type = "fraud" });
        using var olga = await fixture.SignInAsync("olga");
        Assert.Equal(HttpStatusCode.NotFound, (await olga.GetAsync("/api/v1/cases/DASH-2/dashboard")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await olga.GetAsync("/api/v1/cases/DASH-NONE/dashboard")).Status);
    }
}
