using System.Net;
using System.Text.Json.Nodes;
using Cairn.Server.Tests.Infrastructure;
using Cairn.Development.Demo;

namespace Cairn.Server.Tests.Api;

/// <summary>Requests as people work them: status changes with the date they happened (back-dated, never future), the foreign reference and who; filters; drafts that name their trace; deconfliction between agencies.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class RequestWorkflowApiTests(DemoServerFixture fixture)
{
    private const string Case = DemoPipeline.CaseReference;

    private static async Task<string> DraftCompleteAsync(ApiClient client, string caseReference, string measure, string? traceId = null)
    {
        var drafted = await client.PostJsonAsync($"/api/v1/cases/{caseReference}/requests/draft", new { from = "NL", measures = new[] { measure }, trace_id = traceId, acknowledge_overlap = true });
        var id = drafted["drafts"]!.AsArray().First(d => d!["requested_state"]!.GetValue<string>() == "DE")!["id"]!.GetValue<string>();
        var detail = await client.GetJsonAsync($"/api/v1/requests/{id}");
        var version = detail["version"]!.GetValue<long>();
        foreach (var item in detail["completeness"]!["missing"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()))
            (await client.SendAsync(HttpMethod.Put, $"/api/v1/requests/{id}/contents/{item}", new { text = $"text for {item}", version = version++ })).Ok();
        return id;
    }

    [Fact]
    public async Task SentBackDated_WithForeignReference_IsRecordedWithWho_AndDeadlinesCountFromTheDateItHappened()
    {
        using var pros = await fixture.SignInAsync("pros");
        var id = await DraftCompleteAsync(pros, Case, "traffic_data");
        (await pros.PostAsync($"/api/v1/requests/{id}/status", new { to = "ready" })).Ok();
        var unvalidated = await pros.PostAsync($"/api/v1/requests/{id}/status", new { to = "sent" });
        Assert.Equal(HttpStatusCode.BadRequest, unvalidated.Status);
        Assert.Contains("cannot be sent before it is validated", unvalidated.Json["errors"]!["to"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("sent", (await pros.GetJsonAsync($"/api/v1/requests/{id}"))["next_statuses"]!.AsArray().Select(s => s!.GetValue<string>()));
        (await pros.PostAsync($"/api/v1/requests/{id}/validate")).Ok();
        var future = await pros.PostAsync($"/api/v1/requests/{id}/status", new { to = "sent", at = DateTimeOffset.UtcNow.AddDays(2) });
        Assert.Equal(HttpStatusCode.BadRequest, future.Status);
        Assert.Contains("future", future.Json["errors"]!["at"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var notAllowed = await pros.PostAsync($"/api/v1/requests/{id}/status", new { to = "executed" });
        Assert.NotNull(notAllowed.Json["errors"]!["to"]);

        var sentAt = DateTimeOffset.UtcNow.AddHours(-30);
        var sent = await pros.PostJsonAsync($"/api/v1/requests/{id}/status", new { to = "sent", at = sentAt, foreign_reference = "BfJ-2026-0077" });
        Assert.Equal(["acknowledged", "refused", "withdrawn"], sent["next_statuses"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("BfJ-2026-0077", sent["foreign_reference"]!.GetValue<string>());
        var step = sent["history"]!.AsArray().Last(e => e!["action"]!.GetValue<string>() == "status")!;
        Assert.Equal(("pros", DemoPipeline.Agency), (step["by"]!.GetValue<string>(), step["agency"]!.GetValue<string>()));
        Assert.Equal(sentAt.ToUnixTimeSeconds(), step["at"]!.GetValue<DateTimeOffset>().ToUnixTimeSeconds());
        Assert.True(step["recorded_at"]!.GetValue<DateTimeOffset>() > step["at"]!.GetValue<DateTimeOffset>());
        var detail = await pros.GetJsonAsync($"/api/v1/requests/{id}");
        var dated = detail["deadlines"]!.AsArray().Where(d => d!["due"] is not null).ToList();
        Assert.NotEmpty(dated);
        Assert.All(dated, d => Assert.True(d!["due"]!.GetValue<DateTimeOffset>() < DateTimeOffset.UtcNow.AddDays(400)));
        Assert.Equal(["acknowledged", "refused", "withdrawn"], detail["next_statuses"]!.AsArray().Select(s => s!.GetValue<string>()));
        var beforeSent = await pros.PostAsync($"/api/v1/requests/{id}/status", new { to = "acknowledged", at = sentAt.AddHours(-1) });
        Assert.Contains("cannot have happened before", beforeSent.Json["errors"]!["at"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var filtered = await pros.GetJsonAsync($"/api/v1/requests?status=sent&state=DE&instrument={detail["request"]!["instrument_id"]}&limit=500");
        Assert.Contains(filtered["items"]!.AsArray(), r => r!["id"]!.GetValue<string>() == id);
        Assert.All(filtered["items"]!.AsArray(), r => Assert.Equal(("sent", "DE"), (r!["status"]!.GetValue<string>(), r["requested_state"]!.GetValue<string>())));
        Assert.NotNull((await pros.GetAsync("/api/v1/requests?status=posted")).Json["errors"]!["status"]);
        Assert.NotNull((await pros.GetAsync("/api/v1/requests?due=yesterday")).Json["errors"]!["due"]);
    }

    [Fact]
    public async Task AnotherAgencyDraftingToTheSameState_IsWarnedFirst_SeesBothRequests_AndTheFirstAgencyIsNotified()
    {
        using var admin = await fixture.AdminAsync();
        using var olga = await fixture.SignInAsync("olga");
        await admin.PostJsonAsync("/api/v1/cases", new { reference = "DECONF-1", title = "joint ransomware case", offence_type = "ransomware" });
        var saved = await admin.PostJsonAsync("/api/v1/cases/DECONF-1/traces",
            new { title = "ransom forward", request = new { from = new[] { fixture.Demo.Scenario.Ransomware!.RansomAddress }, max_hops = 25, through_coinjoin = true } });
        var traceId = saved["trace"]!["id"]!.GetValue<string>();
        var first = await admin.PostJsonAsync("/api/v1/cases/DECONF-1/requests/draft", new { from = "NL", measures = new[] { "freeze" } });
        Assert.All(first["drafts"]!.AsArray(), d => Assert.Equal(traceId, d!["source_trace_id"]!.GetValue<string>()));

        (await admin.PostAsync("/api/v1/cases/DECONF-1/share", new { agency = DemoServerFixture.OtherAgency, level = "read" })).Ok();
        Assert.Equal(HttpStatusCode.Forbidden, (await olga.PostAsync("/api/v1/cases/DECONF-1/requests/draft", new { from = "BE", measures = new[] { "freeze" }, trace_id = traceId })).Status);
        (await admin.PostAsync("/api/v1/cases/DECONF-1/share", new { agency = DemoServerFixture.OtherAgency, level = "contribute" })).Ok();
        var noOwnTrace = await olga.PostAsync("/api/v1/cases/DECONF-1/requests/draft", new { from = "BE", measures = new[] { "freeze" } });
        Assert.NotNull(noOwnTrace.Json["errors"]!["trace_id"]);

        var warned = await olga.PostAsync("/api/v1/cases/DECONF-1/requests/draft", new { from = "BE", measures = new[] { "freeze" }, trace_id = traceId });
        Assert.True(warned.Json["errors"]?["acknowledge_overlap"] is not null, warned.Text);
        Assert.Contains(DemoPipeline.Agency, warned.Json["errors"]!["acknowledge_overlap"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await olga.GetJsonAsync("/api/v1/requests?case=DECONF-1"))["items"]!.AsArray());

        var drafted = await olga.PostJsonAsync("/api/v1/cases/DECONF-1/requests/draft", new { from = "BE", measures = new[] { "freeze" }, trace_id = traceId, acknowledge_overlap = true });
        Assert.NotEmpty(drafted["drafts"]!.AsArray());
        var all = (await olga.GetJsonAsync("/api/v1/cases/DECONF-1/requests/deconfliction")).AsArray();
        Assert.Contains(all, r => r!["agency"]!.GetValue<string>() == DemoPipeline.Agency && !r["own"]!.GetValue<bool>());
        Assert.Contains(all, r => r!["agency"]!.GetValue<string>() == DemoServerFixture.OtherAgency && r["own"]!.GetValue<bool>());
        var told = (await admin.GetJsonAsync("/api/v1/notifications?limit=500"))["items"]!.AsArray();
        Assert.Contains(told, n => n!["kind"]!.GetValue<string>() == "request_overlap" && n["case_reference"]!.GetValue<string>() == "DECONF-1"
            && n["created_agency"]!.GetValue<string>() == DemoServerFixture.OtherAgency);
    }

    [Fact]
    public async Task Deconfliction_OfACaseTheAgencyCannotSee_IsNotFound()
    {
        using var olga = await fixture.SignInAsync("olga");
        Assert.Equal(HttpStatusCode.NotFound, (await olga.GetAsync($"/api/v1/cases/{Case}/requests/deconfliction")).Status);
    }

}
