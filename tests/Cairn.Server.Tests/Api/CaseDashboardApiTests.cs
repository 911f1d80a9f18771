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
    public async Task Dashboard_ValuesEachFunnelStepAtTheRateOfItsDay_AndSaysNoRateWhereTheTablesHaveNone()
    {
        using var admin = await fixture.AdminAsync();
        // A made-up token of its own, so the installation's BTC tables (and other tests' values) stay as they are.
        await admin.PostJsonAsync("/api/v1/rates", new { asset = "CAIRNDASH", currency = "EUR", source = "dashboard test rates", file_name = "dash.csv", csv = "date,rate\n2024-03-01,10\n2024-03-02,12\n" });
        await admin.PostJsonAsync("/api/v1/cases", new { reference = "DASH-FIAT", title = "dashboard in fiat", offence_type = "fraud" });
        foreach (var (kind, day) in new[] { ("freeze", "2024-03-01"), ("freeze", "2024-03-02"), ("seize", "2024-06-01") })
            await admin.PostJsonAsync("/api/v1/cases/DASH-FIAT/ledger", new
            {
                @event = kind, chain = "eth", token = "CAIRNDASH", decimals = 6, location = "exchange A", amount_units = "2.5",
                legal_basis = "Regulation (EU) 2018/1805 Art 7", authority = "Amtsgericht Berlin", jurisdiction = "DE", occurred_at = $"{day}T12:00:00Z",
            });

        var board = await admin.GetJsonAsync("/api/v1/cases/DASH-FIAT/dashboard?fiat=eur");

        Assert.Equal("EUR", board["currency"]!.GetValue<string>());
        var value = board["jurisdictions"]!.AsArray().Single(j => j!["state"]!.GetValue<string>() == "DE")!["recovery_values"]!.AsArray().Single()!;
        // 2.5 at 10 EUR on the first day and 2.5 at 12 EUR on the second.
        Assert.Equal("55.00", value["frozen"]!["value"]!.GetValue<string>());
        Assert.Equal(("2024-03-01", "2024-03-02"), (value["frozen"]!["rate_date"]!.GetValue<string>(), value["frozen"]!["last_rate_date"]!.GetValue<string>()));
        Assert.Null(value["seized"]); // June: no rate within a week before it
        Assert.Null(value["confiscated"]);
        var plain = await admin.GetJsonAsync("/api/v1/cases/DASH-FIAT/dashboard");
        Assert.Null(plain["currency"]);
        Assert.Empty(plain["jurisdictions"]![0]!["recovery_values"]!.AsArray());
        var wrong = await admin.GetAsync("/api/v1/cases/DASH-FIAT/dashboard?fiat=XYZ");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.StartsWith("fiat 'XYZ' is not one of", wrong.Json["errors"]!["fiat"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_OfTheDemoCase_ValuesTheTracedAmountInTheCurrencyAsked()
    {
        using var admin = await fixture.AdminAsync();
        var board = await admin.GetJsonAsync($"/api/v1/cases/{DemoPipeline.CaseReference}/dashboard?fiat=USD");
        var traced = board["jurisdictions"]!.AsArray().Where(j => j!["traced_sat"]!.GetValue<string>() != "0").ToList();
        Assert.NotEmpty(traced);
        Assert.All(traced, j => Assert.True(decimal.Parse(j!["traced_value"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) > 0));
        var euros = await admin.GetJsonAsync($"/api/v1/cases/{DemoPipeline.CaseReference}/dashboard?fiat=EUR");
        // The demo's EUR rates are 0.92 of its USD rates: the same amounts are worth less in euros.
        var first = traced[0]!["state"]!.GetValue<string>();
        var eur = euros["jurisdictions"]!.AsArray().Single(j => j!["state"]!.GetValue<string>() == first)!["traced_value"]!.GetValue<string>();
        Assert.True(decimal.Parse(eur, System.Globalization.CultureInfo.InvariantCulture) < decimal.Parse(traced[0]!["traced_value"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
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
