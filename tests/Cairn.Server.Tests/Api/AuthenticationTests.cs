using System.Net;
using Cairn.Server.Tests.Infrastructure;
using Cairn.Development.Demo;
using Cairn.Server.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Server.Tests.Api;

[Collection(DemoServerCollection.Name)]
public sealed class AuthenticationTests(DemoServerFixture fixture)
{
    [Fact]
    public async Task SecondStartOfAnInstallation_PrintsNoPassword()
    {
        var data = Directory.CreateTempSubdirectory("cairn-second-start-").FullName;
        await using (var first = await TestServer.StartAsync(data, "LAB"))
            Assert.NotNull(first.Host.BootstrapPassword);
        await using var again = await TestServer.StartAsync(data, "LAB");
        Assert.Null(again.Host.BootstrapPassword);
    }

    [Fact]
    public async Task ASecondServerOnARunningSqliteInstallation_IsRefusedWithOneLine()
    {
        var error = await Assert.ThrowsAsync<Cairn.Core.CairnException>(() => TestServer.StartAsync(fixture.DataDirectory, DemoPipeline.Agency));
        Assert.Contains("another cairn server is already running on the SQLite database", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task OneTimePassword_MustBeChangedBeforeAnyCaseData()
    {
        using var admin = await fixture.AdminAsync();
        var created = await admin.PostJsonAsync("/api/v1/admin/accounts", new { login = "newbie", agency = DemoPipeline.Agency, roles = new[] { "investigator" } });
        var oneTime = created["one_time_password"]!.GetValue<string>();
        using var newbie = await ApiClient.SignedInAsync(fixture.Server.Address, "newbie", oneTime);
        Assert.True((await newbie.GetJsonAsync("/api/v1/auth/me"))["must_change_password"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Forbidden, (await newbie.GetAsync("/api/v1/cases")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await newbie.PostAsync("/api/v1/auth/password", new { current_password = oneTime, new_password = "short" })).Status);
        (await newbie.PostAsync("/api/v1/auth/password", new { current_password = oneTime, new_password = "another long password" })).Ok();
        Assert.Equal(HttpStatusCode.OK, (await newbie.GetAsync("/api/v1/cases")).Status);
    }

    [Fact]
    public async Task WrongPassword_Is401AndLoggedUnderTheLoginsKeyedHash_WhichAnAuditorCanLookUp()
    {
        using var anonymous = fixture.Server.Anonymous();
        var response = await anonymous.PostAsync("/api/v1/auth/login", new { login = "aud", password = "not the password at all" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        using var auditor = await fixture.SignInAsync("aud");
        var attempts = await auditor.GetJsonAsync("/api/v1/log/failed-sign-ins?login=aud&limit=500");
        var key = attempts["login_key"]!.GetValue<string>();
        Assert.StartsWith("hmac-sha256:", key, StringComparison.Ordinal);
        Assert.Contains(attempts["attempts"]!["items"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "auth.signin.failed" && e["object_id"]!.GetValue<string>() == key);
        var account = await auditor.GetJsonAsync("/api/v1/log/entries?objectType=account&objectId=aud&limit=500");
        Assert.DoesNotContain(account["items"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "auth.signin.failed");
    }

    [Fact]
    public async Task StateChangingCall_WithoutAntiforgeryToken_IsRefused()
    {
        using var admin = await fixture.AdminAsync();
        admin.SendCsrf = false;
        var response = await admin.PostAsync("/api/v1/cases", new { reference = "NO-CSRF-1", title = "t", offence_type = "fraud" });
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("antiforgery", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiToken_WorksWithoutCookieOrAntiforgery_AndStopsWhenRevoked()
    {
        using var admin = await fixture.AdminAsync();
        var created = await admin.PostJsonAsync("/api/v1/auth/tokens", new { name = "script", valid_days = 1 });
        var secret = created["secret"]!.GetValue<string>();
        using var script = new ApiClient(fixture.Server.Address, secret);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync($"/api/v1/cases/{DemoPipeline.CaseReference}")).Status);
        Assert.Equal(HttpStatusCode.Created, (await script.PostAsync("/api/v1/cases", new { reference = "TOKEN-CASE-1", title = "via token", offence_type = "fraud" })).Status);
        (await admin.SendAsync(HttpMethod.Delete, $"/api/v1/auth/tokens/{created["id"]!.GetValue<string>()}")).Ok();
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/v1/cases")).Status);
        using var forged = new ApiClient(fixture.Server.Address, secret[..^4] + "0000");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/v1/cases")).Status);
    }

    [Fact]
    public async Task DisabledAccount_LosesItsOpenSessionAtOnce()
    {
        using var admin = await fixture.AdminAsync();
        var created = await admin.PostJsonAsync("/api/v1/admin/accounts", new { login = "leaver", agency = DemoPipeline.Agency, roles = new[] { "auditor" } });
        var oneTime = created["one_time_password"]!.GetValue<string>();
        using var leaver = await ApiClient.SignedInAsync(fixture.Server.Address, "leaver", oneTime);
        Assert.Equal(HttpStatusCode.OK, (await leaver.GetAsync("/api/v1/auth/me")).Status);
        (await admin.PostAsync("/api/v1/admin/accounts/leaver/disable")).Ok();
        Assert.Equal(HttpStatusCode.Unauthorized, (await leaver.GetAsync("/api/v1/auth/me")).Status);
    }

    [Fact]
    public async Task SessionCookie_StillWorks_AfterTheServerRestarts()
    {
        var data = Directory.CreateTempSubdirectory("cairn-restart-").FullName;
        ApiClient before;
        Uri second;
        await using (var server = await TestServer.StartAsync(data, "LAB"))
        {
            var oneTime = server.Host.BootstrapPassword!;
            before = await ApiClient.SignedInAsync(server.Address, "admin", oneTime);
            Assert.Equal(HttpStatusCode.OK, (await before.GetAsync("/api/v1/auth/me")).Status);
        }
        await using var restarted = await TestServer.StartAsync(data, "LAB");
        second = restarted.Address;
        using var again = before.WithCookiesFor(second);
        before.Dispose();
        var me = await again.GetAsync("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal("admin", me.Json["login"]!.GetValue<string>());
        // The key ring is in the database now (docs/operations.md, "Several nodes"), not in the data directory.
        Assert.False(Directory.Exists(Path.Combine(data, CairnServer.LegacyWebKeysFolder)));
    }

    [Fact]
    public async Task KeysOfAnEarlierVersionInWebKeys_AreCopiedIntoTheDatabase_AtTheFirstStart()
    {
        var data = Directory.CreateTempSubdirectory("cairn-legacy-keys-").FullName;
        var legacy = Path.Combine(data, CairnServer.LegacyWebKeysFolder);
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("cairn").PersistKeysToFileSystem(new DirectoryInfo(legacy));
        await using (var provider = services.BuildServiceProvider())
        {
            var key = provider.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));
            Assert.True(File.Exists(Path.Combine(legacy, $"key-{key.KeyId:D}.xml")));
        }

        await using var server = await TestServer.StartAsync(data, "LAB");

        var database = server.Host.App.Services.GetRequiredService<Cairn.Storage.CairnDatabase>();
        var ring = await new Cairn.Storage.Security.SqlWebKeyRing(database).ListAsync();
        Assert.Contains(ring, xml => xml.Contains("<masterKey", StringComparison.Ordinal) || xml.Contains("encryptedSecret", StringComparison.Ordinal));
        Assert.Equal(Directory.EnumerateFiles(legacy, "*.xml").Count(), ring.Count);
    }

    [Fact]
    public async Task SignIn_IsRateLimitedPerClient()
    {
        var data = Directory.CreateTempSubdirectory("cairn-ratelimit-").FullName;
        await using var server = await TestServer.StartAsync(data, "local", configure: o => o with { LoginAttemptsPerMinute = 3 });
        using var client = server.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) statuses.Add((await client.PostAsync("/api/v1/auth/login", new { login = "admin", password = "wrong password " + i })).Status);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
