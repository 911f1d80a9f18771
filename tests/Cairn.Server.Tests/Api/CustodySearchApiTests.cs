using System.Net;
using Cairn.Server.Tests.Infrastructure;

namespace Cairn.Server.Tests.Api;

/// <summary>The auditor's search of the custody log: by case reference (refusals on it included), user and action; only what the agency may audit.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class CustodySearchApiTests(DemoServerFixture fixture)
{
    [Fact]
    public async Task Search_ByCaseReference_FindsAnotherAgencysRefusedRead_AndTheCaseEntries()
    {
        using var admin = await fixture.AdminAsync();
        await admin.PostJsonAsync("/api/v1/cases", new { reference = "AUDIT_1", title = "audited", offence_type = "fraud" });
        using var olga = await fixture.SignInAsync("olga");
        Assert.Equal(HttpStatusCode.NotFound, (await olga.GetAsync("/api/v1/cases/AUDIT_1/ledger")).Status);
        using var auditor = await fixture.SignInAsync("aud");

        var hits = (await auditor.GetJsonAsync("/api/v1/log/search?case=AUDIT_1"))["items"]!.AsArray();

        var refusal = hits.Single(h => h!["entry"]!["action"]!.GetValue<string>() == "access.refused");
        Assert.Equal(("olga", "GET /api/v1/cases/AUDIT_1/ledger"), (refusal!["entry"]!["user"]!.GetValue<string>(), refusal["entry"]!["object_id"]!.GetValue<string>()));
        var created = hits.Single(h => h!["entry"]!["action"]!.GetValue<string>() == "case.create");
        Assert.Equal("AUDIT_1", created!["case_reference"]!.GetValue<string>());
        // "_" in a reference is not a wildcard: AUDITX1 is another case.
        Assert.DoesNotContain((await auditor.GetJsonAsync("/api/v1/log/search?case=AUDITX1"))["items"]!.AsArray(),
            h => h!["entry"]!["object_id"]!.GetValue<string>().Contains("AUDIT_1", StringComparison.Ordinal));

        var refusals = (await auditor.GetJsonAsync("/api/v1/log/search?case=AUDIT_1&action=access&user=olga"))["items"]!.AsArray();
        Assert.Single(refusals);
    }

    [Fact]
    public async Task Search_ByAnotherAgencysAuditorOrInvertedDates_SeesNothingOrIsRefused()
    {
        using var admin = await fixture.AdminAsync();
        await admin.PostAsync("/api/v1/cases", new { reference = "AUDIT-2", title = "audited", offence_type = "fraud" });
        using var olga = await fixture.SignInAsync("olga");
        Assert.Equal(HttpStatusCode.Forbidden, (await olga.GetAsync("/api/v1/log/search?case=AUDIT-2")).Status);
        using var auditor = await fixture.SignInAsync("aud");
        var inverted = await auditor.GetAsync("/api/v1/log/search?from=2026-02-01&to=2026-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, inverted.Status);
        Assert.NotNull(inverted.Json["errors"]!["from"]);
        var entries = (await auditor.GetJsonAsync("/api/v1/log/search?user=olga&limit=500"))["items"]!.AsArray();
        Assert.All(entries, e => Assert.True(e!["entry"]!["agency"]!.GetValue<string>() != DemoServerFixture.OtherAgency
            || e["entry"]!["object_type"]!.GetValue<string>() == "case"));
    }
}
