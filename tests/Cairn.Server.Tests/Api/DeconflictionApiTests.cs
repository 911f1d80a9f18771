using Cairn.Server.Tests.Infrastructure;
using Cairn.Development.Demo;

namespace Cairn.Server.Tests.Api;

/// <summary>
/// Deconfliction at address level (issue 18, docs/deconfliction.md): an address in one agency's case that another agency records in
/// its own case gives both a hit notice without case details; the second asks for contact; every step is in the custody log.
/// </summary>
[Collection(DemoServerCollection.Name)]
public sealed class DeconflictionApiTests(DemoServerFixture fixture)
{
    private const string Address = "bc1qdeconflictionexample0000000000000000000";

    [Fact]
    public async Task SameAddressInTwoAgenciesCases_BothGetAHitWithoutCaseDetails_AndContactCanBeRequested()
    {
        using var olga = await fixture.SignInAsync("olga");
        await olga.PostJsonAsync("/api/v1/cases", new { reference = "DECONF-OTHER-2", title = "Operation Kestrel", offence_type = "fraud" });
        await olga.PostJsonAsync("/api/v1/cases/DECONF-OTHER-2/wallets", new { chain = "btc", address = Address, role = "unknown", label = "Kestrel wallet" });
        using var admin = await fixture.AdminAsync();
        await admin.PostJsonAsync("/api/v1/cases", new { reference = "DECONF-SECRET-1", title = "Operation Nightjar", offence_type = "fraud" });
        await admin.PostJsonAsync("/api/v1/cases/DECONF-SECRET-1/wallets", new { chain = "btc", address = Address, role = "perpetrator", label = "collector of Nightjar" });

        var hers = (await olga.GetJsonAsync("/api/v1/notifications?limit=500"))["items"]!.AsArray();
        var herHit = Assert.Single(hers, n => n!["kind"]!.GetValue<string>() == "address_hit" && n["detail"]!.GetValue<string>() == $"btc {Address} {DemoPipeline.Agency}")!;
        Assert.Null(herHit["case_reference"]);
        var hit = (await admin.GetJsonAsync("/api/v1/notifications?limit=500"))["items"]!.AsArray()
            .Single(n => n!["kind"]!.GetValue<string>() == "address_hit" && n["detail"]!.GetValue<string>() == $"btc {Address} {DemoServerFixture.OtherAgency}")!;
        Assert.Null(hit["case_reference"]);
        foreach (var secret in new[] { "DECONF-SECRET-1", "Nightjar" })
            Assert.DoesNotContain(secret, (await olga.GetAsync("/api/v1/notifications?limit=500")).Text, StringComparison.Ordinal);
        foreach (var secret in new[] { "DECONF-OTHER-2", "Kestrel" })
            Assert.DoesNotContain(secret, (await admin.GetAsync("/api/v1/notifications?limit=500")).Text, StringComparison.Ordinal);

        // The same address again does not repeat the notice.
        await admin.PostJsonAsync("/api/v1/cases/DECONF-SECRET-1/wallets", new { chain = "btc", address = Address, role = "perpetrator", label = "collector" });
        Assert.Single((await olga.GetJsonAsync("/api/v1/notifications?limit=500"))["items"]!.AsArray(),
            n => n!["kind"]!.GetValue<string>() == "address_hit" && n["detail"]!.GetValue<string>().Contains(Address, StringComparison.Ordinal));

        var asked = await admin.PostJsonAsync($"/api/v1/notifications/{hit["id"]!.GetValue<string>()}/contact");
        Assert.Equal(DemoServerFixture.OtherAgency, asked["agency"]!.GetValue<string>());
        var request = (await olga.GetJsonAsync("/api/v1/notifications?limit=500"))["items"]!.AsArray().Single(n => n!["kind"]!.GetValue<string>() == "contact_request" && n["detail"]!.GetValue<string>().Contains(Address, StringComparison.Ordinal))!;
        Assert.Equal($"btc {Address} {DemoPipeline.Agency} admin", request["detail"]!.GetValue<string>());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await olga.PostAsync($"/api/v1/notifications/{hit["id"]!.GetValue<string>()}/contact")).Status);

        using var auditor = await fixture.SignInAsync("aud");
        var log = (await auditor.GetJsonAsync("/api/v1/log/search?action=deconfliction&limit=500"))["items"]!.AsArray().Select(h => h!["entry"]!["action"]!.GetValue<string>()).ToList();
        Assert.Contains("deconfliction.hit", log);
        Assert.Contains("deconfliction.contact", log);
    }
}
