using System.Net;
using Cairn.Development.Demo;
using Cairn.Server.Tests.Infrastructure;

namespace Cairn.Server.Tests.Security;

/// <summary>Issue 17: an object's custody history is read only by auditors of an agency that may see the object, and every such read is itself logged.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class CustodyHistoryTests(DemoServerFixture fixture)
{
    [Fact]
    public async Task AnAuditorOfAnotherAgency_CannotReadTheHistoryOfACaseTheirAgencyDoesNotSee()
    {
        using var admin = await fixture.AdminAsync();
        var caseId = (await admin.GetJsonAsync($"/api/v1/cases/{DemoPipeline.CaseReference}"))["id"]!.GetValue<string>();
        using var outsider = await AuditorOfAsync(admin, "aud-other", DemoServerFixture.OtherAgency);

        var refused = await outsider.GetAsync($"/api/v1/log/entries?objectType=case&objectId={caseId}");
        var evidenceId = (await admin.GetJsonAsync($"/api/v1/cases/{DemoPipeline.CaseReference}/evidence"))["items"]![0]!["item"]!["id"]!.GetValue<string>();
        var refusedEvidence = await outsider.GetAsync($"/api/v1/log/entries?objectType=evidence&objectId={evidenceId}");

        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
        Assert.Equal(HttpStatusCode.NotFound, refusedEvidence.Status);
        Assert.DoesNotContain("case.read", refused.Text, StringComparison.Ordinal);
        // Of an object without a case behind it, only what the caller's own agency wrote is shown.
        var adminAccount = await outsider.GetJsonAsync("/api/v1/log/entries?objectType=token&objectId=anything");
        Assert.Empty(adminAccount["items"]!.AsArray());
    }

    [Fact]
    public async Task ReadingAnObjectsHistory_IsLoggedAsLogReadAboutThatObject()
    {
        using var auditor = await fixture.SignInAsync("aud");
        var caseId = (await auditor.GetJsonAsync($"/api/v1/cases/{DemoPipeline.CaseReference}"))["id"]!.GetValue<string>();
        var path = $"/api/v1/log/entries?objectType=case&objectId={caseId}&limit=500";

        var first = await auditor.GetJsonAsync(path);
        var second = await auditor.GetJsonAsync(path);

        Assert.Equal(first["total"]!.GetValue<long>() + 1, second["total"]!.GetValue<long>());
        var reads = second["items"]!.AsArray().Where(e => e!["action"]!.GetValue<string>() == "log.read").ToList();
        Assert.Contains(reads, e => e!["user"]!.GetValue<string>() == "aud" && e["object_id"]!.GetValue<string>() == caseId);
    }

    private static async Task<ApiClient> AuditorOfAsync(ApiClient admin, string login, string agency)
    {
        var created = await admin.PostJsonAsync("/api/v1/admin/accounts", new { login, agency, display_name = login, roles = new[] { "auditor" } });
        var oneTime = created["one_time_password"]!.GetValue<string>();
        using (var first = await ApiClient.SignedInAsync(admin.BaseAddress, login, oneTime))
            (await first.PostAsync("/api/v1/auth/password", new { current_password = oneTime, new_password = DemoServerFixture.Password })).Ok();
        return await ApiClient.SignedInAsync(admin.BaseAddress, login, DemoServerFixture.Password);
    }
}
