using System.Net;
using System.Text.Json.Nodes;
using Cairn.Server.Tests.Infrastructure;

namespace Cairn.Server.Tests.Api;

/// <summary>Victims and their losses (docs/ledger.md, "Victims"): a return points to a victim, counts against the loss once approved, and the dashboard shows it.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class VictimsApiTests(DemoServerFixture fixture)
{
    private const string Payment = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b";

    /// <summary>Found by the API fuzz pass (issue 17, session 10): <c>"transaction_ids":[null]</c> was an internal error.</summary>
    [Fact]
    public async Task AddLoss_NullTransactionIdInTheList_IsAValidationProblemNamingItsPlace()
    {
        using var admin = await fixture.AdminAsync();
        await admin.PostJsonAsync("/api/v1/cases", new { reference = "VICTIM-NULL", title = "victims", offence_type = "fraud" });
        var id = (await admin.PostJsonAsync("/api/v1/cases/VICTIM-NULL/victims", new { name = "Ben L." }))["id"]!.GetValue<string>();

        var response = await admin.PostAsync($"/api/v1/cases/VICTIM-NULL/victims/{id}/losses",
            new { chain = "btc", token = "BTC", amount_units = "0.1", transaction_ids = new string?[] { Payment, null }, description = "ransom payment" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("item 2 of 'transaction_ids' is null", response.Json["errors"]!["transaction_ids[1]"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReturnToAVictim_CountsAgainstTheirLossOnceApproved_AndTheDashboardShowsLostAndReceived()
    {
        using var admin = await fixture.AdminAsync();
        await admin.PostJsonAsync("/api/v1/cases", new { reference = "VICTIM-1", title = "victims", offence_type = "fraud" });
        var anna = await admin.PostJsonAsync("/api/v1/cases/VICTIM-1/victims", new { name = "Anna K.", details = "romance scam, paid twice" });
        var id = anna["id"]!.GetValue<string>();
        await admin.PostJsonAsync($"/api/v1/cases/VICTIM-1/victims/{id}/losses", new { chain = "btc", token = "BTC", amount_units = "0.8", transaction_ids = new[] { Payment }, description = "first payment" });
        foreach (var kind in new[] { "freeze", "seize", "confiscate" }) await admin.PostJsonAsync("/api/v1/cases/VICTIM-1/ledger", Event(kind, "2", null));

        var tooMuch = await admin.PostAsync("/api/v1/cases/VICTIM-1/ledger", Event("return_to_victim", "0.9", id));
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.Status);
        Assert.Contains("would exceed the loss", tooMuch.Json["errors"]!["amount"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var wrongKind = await admin.PostAsync("/api/v1/cases/VICTIM-1/ledger", Event("return_to_state", "0.1", id) );
        Assert.NotNull(wrongKind.Json["errors"]!["victim_id"]);

        var returned = await admin.PostJsonAsync("/api/v1/cases/VICTIM-1/ledger", Event("return_to_victim", "0.5", id));
        Assert.Equal(("Anna K.", id), (returned["details"]!["recipient"]!.GetValue<string>(), returned["details"]!["victim_id"]!.GetValue<string>()));
        var before = Line(await admin.GetJsonAsync("/api/v1/cases/VICTIM-1/victims"));
        Assert.Equal(("80000000", "0", "50000000"), (before["lost"]!.GetValue<string>(), before["received"]!.GetValue<string>(), before["pending_return"]!.GetValue<string>()));

        using (var prosecutor = await fixture.SignInAsync("pros"))
            await prosecutor.PostJsonAsync($"/api/v1/cases/VICTIM-1/ledger/{returned["id"]!.GetValue<string>()}/approve");
        var board = await admin.GetJsonAsync("/api/v1/cases/VICTIM-1/dashboard");
        var asset = board["victims"]![0]!["assets"]![0]!;
        Assert.Equal(("Anna K.", "80000000", "50000000", "30000000"),
            (board["victims"]![0]!["name"]!.GetValue<string>(), asset["lost"]!.GetValue<string>(), asset["received"]!.GetValue<string>(), asset["outstanding"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("name", "{\"name\":\"  \"}", false)]
    [InlineData("transaction_ids", "{\"transaction_ids\":[]}", true)]
    [InlineData("transaction_ids[0]", "{\"transaction_ids\":[\"not-a-txid\"]}", true)]
    [InlineData("amount_units", "{\"amount_units\":\"\"}", true)]
    public async Task BadInput_IsAValidationProblemNamingTheField(string field, string overrides, bool loss)
    {
        using var admin = await fixture.AdminAsync();
        await admin.PostAsync("/api/v1/cases", new { reference = "VICTIM-2", title = "victims", offence_type = "fraud" });
        var body = loss ? new JsonObject { ["chain"] = "btc", ["token"] = "BTC", ["amount_units"] = "1", ["transaction_ids"] = new JsonArray(Payment) } : new JsonObject { ["name"] = "B." };
        foreach (var (key, value) in JsonNode.Parse(overrides)!.AsObject().ToList()) body[key] = value?.DeepClone();
        var path = "/api/v1/cases/VICTIM-2/victims";
        if (loss) path += "/" + (await admin.PostJsonAsync(path, new { name = "Ben" }))["id"]!.GetValue<string>() + "/losses";

        var response = await admin.PostAsync(path, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.NotNull(response.Json["errors"]![field]);
    }

    [Fact]
    public async Task Victims_OfACaseAnotherAgencyCannotSee_AreNotFound()
    {
        using var admin = await fixture.AdminAsync();
        await admin.PostAsync("/api/v1/cases", new { reference = "VICTIM-3", title = "hidden", offence_type = "fraud" });
        await admin.PostJsonAsync("/api/v1/cases/VICTIM-3/victims", new { name = "Secret Victim Name" });
        using var olga = await fixture.SignInAsync("olga");
        var response = await olga.GetAsync("/api/v1/cases/VICTIM-3/victims");
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.DoesNotContain("Secret Victim Name", response.Text, StringComparison.Ordinal);
    }

    private static JsonNode Line(JsonNode victims) => victims.AsArray().Single()!["lines"]![0]!;

    private static object Event(string kind, string units, string? victimId) => new
    {
        @event = kind, chain = "btc", token = "BTC", location = "exchange A", amount_units = units, victim_id = victimId, recipient = kind == "return_to_state" ? "DE" : null,
        legal_basis = "Regulation (EU) 2018/1805 Art 30", authority = "Amtsgericht Berlin", jurisdiction = "DE",
    };
}
