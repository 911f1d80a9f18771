using System.Net;
using Cairn.Server.Tests.Infrastructure;

namespace Cairn.Server.Tests.Api;

/// <summary>Recording ledger events as people give them: amounts in units beside base units, the date it happened, refusals keyed by the field.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class LedgerApiTests(DemoServerFixture fixture)
{
    [Fact]
    public async Task AddEvent_InUnitsAndBackDated_KeepsExactBaseUnitsAndTheDateItHappened()
    {
        using var admin = await fixture.AdminAsync();
        await admin.PostJsonAsync("/api/v1/cases", new { reference = "LEDGER-1", title = "ledger dates", offence_type = "fraud" });

        var recorded = await admin.PostJsonAsync("/api/v1/cases/LEDGER-1/ledger", new
        {
            @event = "freeze", chain = "btc", token = "BTC", location = "exchange A", amount_units = "1.5", occurred_at = "2026-01-15",
            legal_basis = "Regulation (EU) 2018/1805 Art 7", authority = "Amtsgericht Berlin", jurisdiction = "de",
        });
        Assert.Equal("150000000", recorded["details"]!["amount"]!.GetValue<string>());
        Assert.StartsWith("2026-01-15T00:00:00", recorded["details"]!["occurred_at"]!.GetValue<string>(), StringComparison.Ordinal);

        var token = await admin.PostJsonAsync("/api/v1/cases/LEDGER-1/ledger", new
        {
            @event = "freeze", chain = "eth", token = "USDT", location = "exchange A", amount_units = "2500.25", decimals = 6,
            legal_basis = "Regulation (EU) 2018/1805 Art 7", authority = "Amtsgericht Berlin", jurisdiction = "de",
        });
        Assert.Equal("2500250000", token["details"]!["amount"]!.GetValue<string>());

        var report = await admin.GetJsonAsync("/api/v1/cases/LEDGER-1/ledger");
        Assert.Equal(2, report["events"]!.AsArray().Count);
        Assert.Equal(6, report["events"]![1]!["details"]!["decimals"]!.GetValue<int>());
    }

    [Fact]
    public async Task GetLedger_WithFiat_ValuesEventsFromTheRateTables_MarksAPeg_AndSaysNoRateOtherwise()
    {
        using var admin = await fixture.AdminAsync();
        await admin.PostJsonAsync("/api/v1/cases", new { reference = "LEDGER-3", title = "ledger values", offence_type = "fraud" });
        // The demo's (fictional) BTC tables run from 2023-11-01 for 400 days; nothing covers 2026.
        foreach (var (token, chain, units, decimals, occurred) in new[] { ("BTC", "btc", "0.5", (int?)null, "2024-03-01"), ("BTC", "btc", "0.25", null, "2026-01-15"), ("USDT", "eth", "2500.25", 6, "2026-01-15") })
            await admin.PostJsonAsync("/api/v1/cases/LEDGER-3/ledger", new
            {
                @event = "freeze", chain, token, location = "exchange C", amount_units = units, decimals, occurred_at = occurred,
                legal_basis = "Regulation (EU) 2018/1805 Art 7", authority = "Amtsgericht Berlin", jurisdiction = "de",
            });

        var plain = await admin.GetJsonAsync("/api/v1/cases/LEDGER-3/ledger");
        Assert.Null(plain["fiat"]);
        var usd = (await admin.GetJsonAsync("/api/v1/cases/LEDGER-3/ledger?fiat=USD"))["fiat"]!;
        Assert.Equal("USD", usd["currency"]!.GetValue<string>());
        var values = usd["events"]!.AsArray();
        var btc = values[0]!["value"]!;
        Assert.Equal(("2024-03-01", "daily_rate", "USD"), (btc["rate_date"]!.GetValue<string>(), btc["basis"]!.GetValue<string>(), btc["currency"]!.GetValue<string>()));
        var rate = decimal.Parse(btc["rate"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Math.Round(rate / 2, 2, MidpointRounding.AwayFromZero).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), btc["value"]!.GetValue<string>());
        Assert.Null(values[1]!["value"]);
        Assert.Equal("no rate for BTC in USD on 2026-01-15 or the 7 days before", values[1]!["no_rate"]!.GetValue<string>());
        // A stablecoin with no table of its own is valued at its peg, and the value says so.
        var usdt = values[2]!["value"]!;
        Assert.Equal(("2500.25", "peg"), (usdt["value"]!.GetValue<string>(), usdt["basis"]!.GetValue<string>()));
        Assert.Contains("no rate table imported", usdt["source"]!.GetValue<string>(), StringComparison.Ordinal);

        var bad = await admin.GetAsync("/api/v1/cases/LEDGER-3/ledger?fiat=bitcoin");
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.NotNull(bad.Json["errors"]!["fiat"]);
    }

    [Theory]
    [InlineData("occurred_at", "{\"occurred_at\":\"2999-01-01\",\"amount\":\"1\"}")]
    [InlineData("decimals", "{\"token\":\"ACME\",\"chain\":\"eth\",\"amount_units\":\"1\"}")]
    [InlineData("amount_units", "{\"amount_units\":\"1.5\",\"amount\":\"1\"}")]
    [InlineData("amount", "{\"event\":\"seize\",\"amount\":\"1\"}")]
    [InlineData("recipient", "{\"event\":\"return_to_victim\",\"amount\":\"1\"}")]
    public async Task AddEvent_Refused_IsAValidationProblemNamingTheFormField(string field, string overrides)
    {
        using var admin = await fixture.AdminAsync();
        await admin.PostAsync("/api/v1/cases", new { reference = "LEDGER-2", title = "ledger refusals", offence_type = "fraud" });
        var body = new System.Text.Json.Nodes.JsonObject
        {
            ["event"] = "freeze", ["chain"] = "btc", ["token"] = "BTC", ["location"] = "exchange B",
            ["legal_basis"] = "Regulation (EU) 2018/1805 Art 7", ["authority"] = "Parquet de Paris", ["jurisdiction"] = "fr",
        };
        foreach (var (key, value) in System.Text.Json.Nodes.JsonNode.Parse(overrides)!.AsObject().ToList())
            body[key] = value?.DeepClone();

        var response = await admin.PostAsync("/api/v1/cases/LEDGER-2/ledger", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.NotNull(response.Json["errors"]![field]);
        Assert.Empty((await admin.GetJsonAsync("/api/v1/cases/LEDGER-2/ledger"))["events"]!.AsArray());
    }
}
