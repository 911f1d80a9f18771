using System.Net;
using Cairn.Server.Tests.Infrastructure;

namespace Cairn.Server.Tests.Api;

/// <summary>The agency registry contract (POST /api/v1/admin/agencies with code, name, state, kind), accounts only for registered agencies, an account's tokens.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class AdministrationApiTests(DemoServerFixture fixture)
{
    [Fact]
    public async Task RegisterAgency_WithCodeNameStateKind_IsCreated_ListedAndEditable()
    {
        using var admin = await fixture.AdminAsync();
        var response = await admin.PostAsync("/api/v1/admin/agencies", new { code = "ARO-NL-1", name = "Asset recovery office NL", state = "nl", kind = "aro" });

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal("/api/v1/admin/agencies/ARO-NL-1", response.Headers["Location"]);
        Assert.Equal("""{"code":"ARO-NL-1","name":"Asset recovery office NL","state":"NL","kind":"aro"}""", response.Json.ToJsonString());
        (await admin.SendAsync(HttpMethod.Put, "/api/v1/admin/agencies/ARO-NL-1", new { name = "Criminal Assets Deprivation Bureau", state = "NL", kind = "aro" })).Ok();
        using var olga = await fixture.SignInAsync("olga");
        var directory = await olga.GetJsonAsync("/api/v1/agencies?limit=500");
        Assert.Contains(directory["items"]!.AsArray(), a => a!["code"]!.GetValue<string>() == "ARO-NL-1" && a["name"]!.GetValue<string>() == "Criminal Assets Deprivation Bureau");
    }

    [Theory]
    [InlineData("", "name", "NL", "aro", "code")]
    [InlineData("has space", "name", "NL", "aro", "code")]
    [InlineData("OK-1", "", "NL", "aro", "name")]
    [InlineData("OK-1", "name", "XX", "aro", "state")]
    [InlineData("OK-1", "name", "NL", "bank", "kind")]
    public async Task RegisterAgency_WithABadField_IsAValidationProblemOnThatField(string code, string name, string state, string kind, string field)
    {
        using var admin = await fixture.AdminAsync();
        var response = await admin.PostAsync("/api/v1/admin/agencies", new { code, name, state, kind });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.NotNull(response.Json["errors"]![field]);
    }

    [Fact]
    public async Task RegisterAgency_Twice_OrByANonAdmin_IsRefused()
    {
        using var admin = await fixture.AdminAsync();
        (await admin.PostAsync("/api/v1/admin/agencies", new { code = "TWICE-1", name = "x", state = "DE", kind = "court" })).Ok();
        var again = await admin.PostAsync("/api/v1/admin/agencies", new { code = "TWICE-1", name = "x", state = "DE", kind = "court" });
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.NotNull(again.Json["errors"]!["code"]);
        using var olga = await fixture.SignInAsync("olga");
        Assert.Equal(HttpStatusCode.Forbidden, (await olga.PostAsync("/api/v1/admin/agencies", new { code = "OLGA-1", name = "x", state = "DE", kind = "court" })).Status);
    }

    [Fact]
    public async Task CreateAccount_ForAnUnregisteredAgency_IsRefusedOnTheAgencyField()
    {
        using var admin = await fixture.AdminAsync();
        var response = await admin.PostAsync("/api/v1/admin/accounts", new { login = "ghost", agency = "NO-SUCH-AGENCY", roles = new[] { "investigator" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("registry", response.Json["errors"]!["agency"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>Found by the API fuzz pass (issue 17, session 10): a login outside ASCII was created, then answered 500 (Kestrel refused the raw Location header).</summary>
    [Fact]
    public async Task CreateAccount_WithALoginOutsideAscii_IsCreated_AndItsLocationIsEscaped()
    {
        using var admin = await fixture.AdminAsync();

        var response = await admin.PostAsync("/api/v1/admin/accounts", new { login = "zoë=x}\ufffd", agency = Cairn.Development.Demo.DemoPipeline.Agency, display_name = "Zoë", roles = new[] { "investigator" } });

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal("/api/v1/admin/accounts/zo%C3%AB%3Dx%7D%EF%BF%BD", response.Headers["Location"]);
    }

    [Fact]
    public async Task AdminsSeeAnAccountsTokens_WithoutTheirSecrets_AndCanRevokeThem()
    {
        using var admin = await fixture.AdminAsync();
        using var pros = await fixture.SignInAsync("pros");
        var created = await pros.PostJsonAsync("/api/v1/auth/tokens", new { name = "pros script" });
        var tokens = await admin.GetJsonAsync("/api/v1/admin/accounts/pros/tokens");
        var listed = Assert.Single(tokens["items"]!.AsArray(), t => t!["id"]!.GetValue<string>() == created["id"]!.GetValue<string>());
        Assert.DoesNotContain(created["secret"]!.GetValue<string>(), tokens.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(HttpMethod.Delete, $"/api/v1/auth/tokens/{listed!["id"]}")).Status);
    }

    [Fact]
    public async Task Labels_AreServedToEverySignedInUser()
    {
        using var olga = await fixture.SignInAsync("olga");
        var labels = await olga.GetJsonAsync("/api/v1/labels");
        Assert.Equal("24/7 network (Budapest Art 35)", labels["groups"]!["channel"]!["contact_24_7"]!.GetValue<string>());
        Assert.Equal("FIU analyst", labels["groups"]!["role"]!["FiuAnalyst"]!.GetValue<string>());
    }
}
