using System.Net;
using System.Text.Json.Nodes;
using Cairn.Server.Tests.Infrastructure;

namespace Cairn.Server.Tests.Api;

/// <summary>
/// Four eyes on disposals (issue 18, docs/ledger.md): a return, sharing or liquidation is recorded pending, counts only once
/// a second user of the owning agency with a ledger role approves it, and a rejection needs a reason; each step is logged.
/// </summary>
[Collection(DemoServerCollection.Name)]
public sealed class LedgerApprovalApiTests(DemoServerFixture fixture)
{
    [Fact]
    public async Task Return_IsPendingUntilASecondUserApproves_TheProposerAuditorAndOtherAgenciesCannot()
    {
        using var admin = await fixture.AdminAsync();
        await ConfiscateAsync(admin, "APPROVE-1", "2");
        var pending = await RecordAsync(admin, "APPROVE-1", "return_to_victim", "1.5", "victim A");
        Assert.Equal("pending", pending["approval"]!.GetValue<string>());
        var id = pending["id"]!.GetValue<string>();
        Assert.Equal("0", Balance(await admin.GetJsonAsync("/api/v1/cases/APPROVE-1/ledger"))["returned"]!.GetValue<string>());

        var own = await admin.PostAsync($"/api/v1/cases/APPROVE-1/ledger/{id}/approve");
        Assert.Equal(HttpStatusCode.Forbidden, own.Status);
        Assert.Contains("four eyes", own.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        using var auditor = await fixture.SignInAsync("aud");
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync($"/api/v1/cases/APPROVE-1/ledger/{id}/approve")).Status);
        using var olga = await fixture.SignInAsync("olga");
        Assert.Contains((await olga.PostAsync($"/api/v1/cases/APPROVE-1/ledger/{id}/approve")).Status, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });

        using var prosecutor = await fixture.SignInAsync("pros");
        var approved = await prosecutor.PostJsonAsync($"/api/v1/cases/APPROVE-1/ledger/{id}/approve");
        Assert.Equal(("approved", "pros", "Prosecutor"), (approved["approval"]!.GetValue<string>(), approved["decision"]!["by"]!.GetValue<string>(), approved["decision"]!["role"]!.GetValue<string>()));
        var ledger = await admin.GetJsonAsync("/api/v1/cases/APPROVE-1/ledger");
        Assert.Equal(("150000000", "50000000"), (Balance(ledger)["returned"]!.GetValue<string>(), Balance(ledger)["confiscated"]!.GetValue<string>()));
        var again = await prosecutor.PostAsync($"/api/v1/cases/APPROVE-1/ledger/{id}/approve");
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);

        var log = (await auditor.GetJsonAsync("/api/v1/log/search?case=APPROVE-1&limit=500"))["items"]!.AsArray()
            .Select(h => (h!["entry"]!["action"]!.GetValue<string>(), h["entry"]!["user"]?.GetValue<string>())).ToList();
        Assert.Contains(("ledger.approve", "pros"), log);
    }

    [Fact]
    public async Task Reject_NeedsAReason_KeepsTheEventOnRecord_AndItNeverCounts()
    {
        using var admin = await fixture.AdminAsync();
        await ConfiscateAsync(admin, "APPROVE-2", "1");
        var id = (await RecordAsync(admin, "APPROVE-2", "share", "1", "MT"))["id"]!.GetValue<string>();
        using var prosecutor = await fixture.SignInAsync("pros");

        var noReason = await prosecutor.PostAsync($"/api/v1/cases/APPROVE-2/ledger/{id}/reject", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.NotNull(noReason.Json["errors"]!["reason"]);

        var rejected = await prosecutor.PostJsonAsync($"/api/v1/cases/APPROVE-2/ledger/{id}/reject", new { reason = "the sharing agreement is not signed yet" });
        Assert.Equal("rejected", rejected["approval"]!.GetValue<string>());
        Assert.Equal("the sharing agreement is not signed yet", rejected["decision"]!["reason"]!.GetValue<string>());
        var ledger = await admin.GetJsonAsync("/api/v1/cases/APPROVE-2/ledger");
        Assert.Equal(("0", "100000000"), (Balance(ledger)["shared"]!.GetValue<string>(), Balance(ledger)["confiscated"]!.GetValue<string>()));
        Assert.Equal("rejected", ledger["events"]!.AsArray().Last()!["approval"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await prosecutor.PostAsync($"/api/v1/cases/APPROVE-2/ledger/{id}/approve")).Status);
        // Rejected, the amount is free again for another disposal.
        Assert.Equal("pending", (await RecordAsync(admin, "APPROVE-2", "return_to_state", "1", "DE"))["approval"]!.GetValue<string>());
    }

    [Fact]
    public async Task PendingDisposals_TogetherCannotExceedWhatIsConfiscated()
    {
        using var admin = await fixture.AdminAsync();
        await ConfiscateAsync(admin, "APPROVE-3", "1");
        await RecordAsync(admin, "APPROVE-3", "liquidate", "0.6", null);
        var second = await admin.PostAsync("/api/v1/cases/APPROVE-3/ledger", Body("return_to_victim", "0.6", "victim B"));
        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        Assert.Contains("only 0.4 BTC", second.Json["errors"]!["amount"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static JsonNode Balance(JsonNode ledger) => ledger["balances"]!.AsArray().Single()!;

    private static async Task ConfiscateAsync(ApiClient client, string reference, string units)
    {
        await client.PostJsonAsync("/api/v1/cases", new { reference, title = "approvals", offence_type = "fraud" });
        foreach (var kind in new[] { "freeze", "seize", "confiscate" }) await RecordAsync(client, reference, kind, units, null);
    }

    private static Task<JsonNode> RecordAsync(ApiClient client, string reference, string kind, string units, string? recipient) =>
        client.PostJsonAsync($"/api/v1/cases/{reference}/ledger", Body(kind, units, recipient));

    private static object Body(string kind, string units, string? recipient) => new
    {
        @event = kind, chain = "btc", token = "BTC", location = "exchange A", amount_units = units, recipient,
        legal_basis = "Regulation (EU) 2018/1805 Art 30", authority = "Amtsgericht Berlin", jurisdiction = "DE",
    };
}
