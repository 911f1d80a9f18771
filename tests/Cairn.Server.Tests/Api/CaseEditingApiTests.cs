using System.Net;
using Cairn.Server.Tests.Infrastructure;
using Cairn.Development.Demo;

namespace Cairn.Server.Tests.Api;

/// <summary>Editing a case through the API (offence from the list, wallets, subjects, notes, status with reason), sharing at a level, revoking, notifications, one answer for unknown and invisible cases.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class CaseEditingApiTests(DemoServerFixture fixture)
{
    [Fact]
    public async Task CreateCase_OffenceOutsideTheList_IsRefused_OtherNeedsADescription()
    {
        using var admin = await fixture.AdminAsync();
        var free = await admin.PostAsync("/api/v1/cases", new { reference = "EDIT-OFF-1", title = "t", offence_type = "pickpocketing" });
        Assert.Equal(HttpStatusCode.BadRequest, free.Status);
        Assert.NotNull(free.Json["errors"]!["offence_type"]);
        var other = await admin.PostAsync("/api/v1/cases", new { reference = "EDIT-OFF-1", title = "t", offence_type = "other" });
        Assert.NotNull(other.Json["errors"]!["offence_detail"]);
        var created = await admin.PostJsonAsync("/api/v1/cases", new { reference = "EDIT-OFF-1", title = "t", offence_type = "other", offence_detail = "pickpocketing of hardware wallets" });
        Assert.Equal(("other", "pickpocketing of hardware wallets"), (created["offence_type"]!.GetValue<string>(), created["offence_detail"]!.GetValue<string>()));
    }

    [Fact]
    public async Task EditingACase_WalletsSubjectsNotesStatus_AreSaved_AndAStaleVersionConflicts()
    {
        using var admin = await fixture.AdminAsync();
        var c = await admin.PostJsonAsync("/api/v1/cases", new { reference = "EDIT-1", title = "first", offence_type = "fraud" });
        long V(System.Text.Json.Nodes.JsonNode n) => n["version"]!.GetValue<long>();
        c = (await admin.SendAsync(HttpMethod.Put, "/api/v1/cases/EDIT-1", new { title = "investment fraud ring", offence_type = "investment_fraud", version = V(c) })).Ok().Json;
        c = await admin.PostJsonAsync("/api/v1/cases/EDIT-1/wallets", new { chain = "btc", address = "bc1qexampleaddress", role = "perpetrator", label = "collector", version = V(c) });
        c = await admin.PostJsonAsync("/api/v1/cases/EDIT-1/subjects", new { kind = "person", role = "suspect", name = "J. Doe", details = "", identifiers = new[] { new { kind = "passport", value = "X123" } }, version = V(c) });
        var subject = c["subjects"]![0]!["id"]!.GetValue<string>();
        c = (await admin.SendAsync(HttpMethod.Put, $"/api/v1/cases/EDIT-1/subjects/{subject}", new { kind = "person", role = "suspect", name = "John Doe", identifiers = new[] { new { kind = "email", value = "jd@example.org" } }, version = V(c) })).Ok().Json;
        c = await admin.PostJsonAsync("/api/v1/cases/EDIT-1/notes", new { text = "first note", version = V(c) });
        c = await admin.PostJsonAsync("/api/v1/cases/EDIT-1/status", new { status = "suspended", reason = "waiting for the exchange", version = V(c) });

        Assert.Equal("investment fraud ring", c["title"]!.GetValue<string>());
        Assert.Equal("perpetrator", c["wallets"]![0]!["role"]!.GetValue<string>());
        Assert.Equal("jd@example.org", c["subjects"]![0]!["identifiers"]![0]!["value"]!.GetValue<string>());
        Assert.Equal(("suspended", "waiting for the exchange"), (c["status"]!.GetValue<string>(), c["status_reason"]!.GetValue<string>()));
        Assert.Equal("admin", c["status_changes"]![0]!["changed_by"]!.GetValue<string>());

        var stale = await admin.PostAsync("/api/v1/cases/EDIT-1/notes", new { text = "late", version = V(c) - 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        var noReason = await admin.PostAsync("/api/v1/cases/EDIT-1/status", new { status = "open", version = V(c) });
        Assert.NotNull(noReason.Json["errors"]!["reason"]);
        var removed = (await admin.SendAsync(HttpMethod.Delete, $"/api/v1/cases/EDIT-1/wallets/btc/bc1qexampleaddress?version={V(c)}")).Ok().Json;
        Assert.Empty(removed["wallets"]!.AsArray());
    }

    /// <summary>Found while fixing the API fuzz pass's <c>"transaction_ids":[null]</c> (issue 17, session 10): the same null item in a subject's identifiers was an internal error.</summary>
    [Fact]
    public async Task AddSubject_NullIdentifierInTheList_IsAValidationProblemNamingItsPlace()
    {
        using var admin = await fixture.AdminAsync();
        var c = await admin.PostJsonAsync("/api/v1/cases", new { reference = "EDIT-NULL", title = "null identifier", offence_type = "fraud" });

        var response = await admin.PostAsync("/api/v1/cases/EDIT-NULL/subjects",
            new { kind = "person", role = "suspect", name = "J. Doe", identifiers = new object?[] { new { kind = "passport", value = "X123" }, null }, version = c["version"]!.GetValue<long>() });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("item 2 of 'identifiers' is null", response.Json["errors"]!["identifiers[1]"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sharing_ReadCannotWrite_ContributeCan_RevokeEndsIt_AndEachIsNotified()
    {
        using var admin = await fixture.AdminAsync();
        using var olga = await fixture.SignInAsync("olga");
        await admin.PostJsonAsync("/api/v1/cases", new { reference = "SHARE-1", title = "joint case", offence_type = "ransomware" });
        var unknown = await admin.PostAsync("/api/v1/cases/SHARE-1/share", new { agency = "NOT-REGISTERED", level = "read" });
        Assert.NotNull(unknown.Json["errors"]!["agency"]);

        var before = await olga.GetAsync("/api/v1/cases/SHARE-1");
        var missing = await olga.GetAsync("/api/v1/cases/SHARE-NONE");
        Assert.Equal(HttpStatusCode.NotFound, before.Status);
        Assert.Equal(before.Json["detail"]!.GetValue<string>().Replace("SHARE-1", "X", StringComparison.Ordinal), missing.Json["detail"]!.GetValue<string>().Replace("SHARE-NONE", "X", StringComparison.Ordinal));

        (await admin.PostAsync("/api/v1/cases/SHARE-1/share", new { agency = DemoServerFixture.OtherAgency, level = "read" })).Ok();
        Assert.Equal("read", (await olga.GetJsonAsync("/api/v1/cases?limit=500"))["items"]!.AsArray().Single(i => i!["reference"]!.GetValue<string>() == "SHARE-1")!["access"]!.GetValue<string>());
        var refused = await olga.PostAsync("/api/v1/cases/SHARE-1/traces", new { request = new { from = new[] { fixture.Demo.Scenario.Ransomware!.RansomAddress }, max_hops = 2 } });
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("read-only", refused.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        (await admin.PostAsync("/api/v1/cases/SHARE-1/share", new { agency = DemoServerFixture.OtherAgency, level = "contribute" })).Ok();
        Assert.Equal(HttpStatusCode.Created, (await olga.PostAsync("/api/v1/cases/SHARE-1/traces", new { request = new { from = new[] { fixture.Demo.Scenario.Ransomware!.RansomAddress }, max_hops = 2 } })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await olga.PostAsync("/api/v1/cases/SHARE-1/notes", new { text = "not the owner" })).Status);

        (await admin.SendAsync(HttpMethod.Delete, $"/api/v1/cases/SHARE-1/share/{DemoServerFixture.OtherAgency}")).Ok();
        Assert.Equal(HttpStatusCode.NotFound, (await olga.GetAsync("/api/v1/cases/SHARE-1")).Status);

        var notifications = (await olga.GetJsonAsync("/api/v1/notifications?limit=500"))["items"]!.AsArray().Where(n => n!["case_reference"]?.GetValue<string>() == "SHARE-1").ToList();
        Assert.Equal(["case_revoked", "case_shared", "case_shared"], notifications.Select(n => n!["kind"]!.GetValue<string>()));
        Assert.True((await olga.GetJsonAsync("/api/v1/notifications/unread"))["unread"]!.GetValue<long>() >= 3);
        (await olga.PostAsync("/api/v1/notifications/read")).Ok();
        Assert.Equal(0, (await olga.GetJsonAsync("/api/v1/notifications/unread"))["unread"]!.GetValue<long>());
    }

    [Fact]
    public async Task DemoCase_ReadByAnotherAgency_AnswersLikeACaseThatDoesNotExist()
    {
        using var olga = await fixture.SignInAsync("olga");
        var hidden = await olga.GetAsync($"/api/v1/cases/{DemoPipeline.CaseReference}");
        var missing = await olga.GetAsync("/api/v1/cases/NO-SUCH-CASE");
        Assert.Equal((hidden.Status, hidden.MediaType), (missing.Status, missing.MediaType));
        Assert.Equal(hidden.Json["detail"]!.GetValue<string>().Replace(DemoPipeline.CaseReference, "X", StringComparison.Ordinal),
            missing.Json["detail"]!.GetValue<string>().Replace("NO-SUCH-CASE", "X", StringComparison.Ordinal));
        Assert.DoesNotContain(DemoServerFixture.OtherAgency, hidden.Text, StringComparison.Ordinal);
    }
}
