using Cairn.Cases.Agencies;
using Cairn.Development.Demo;

namespace Cairn.Server.Tests.Infrastructure;

/// <summary>
/// One demo installation for the whole test assembly (building it takes seconds): the demo chain,
/// intelligence, case, trace and requests (as `cairn demo` builds them), served by a real server.
/// Accounts: the demo agency's admin (all roles, password changed from the one-time one), an
/// investigator of another agency, an auditor and a prosecutor of the demo agency.
/// </summary>
public sealed class DemoServerFixture : IAsyncLifetime
{
    public const string Password = "a long test password 1";
    public const string OtherAgency = "OTHER-AGENCY";

    public TestServer Server { get; private set; } = null!;

    public DemoReport Demo { get; private set; } = null!;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("cairn-server-test-").FullName;

    public string? BootstrapPassword { get; private set; }

    public async Task InitializeAsync()
    {
        Demo = await DemoPipeline.RunAsync(DataDirectory, TimeProvider.System, 20_000);
        // Tests sign in hundreds of times from one address; the limit itself is tested on its own server.
        Server = await TestServer.StartAsync(DataDirectory, DemoPipeline.Agency, configure: o => o with { LoginAttemptsPerMinute = 100_000 });
        BootstrapPassword = Server.Host.BootstrapPassword ?? throw new InvalidOperationException("a fresh installation must print a one-time password");
        using var first = await ApiClient.SignedInAsync(Server.Address, "admin", BootstrapPassword);
        (await first.PostAsync("/api/v1/auth/password", new { current_password = BootstrapPassword, new_password = Password })).Ok();
        using var admin = await AdminAsync();
        (await admin.PostAsync("/api/v1/admin/agencies", new { code = OtherAgency, name = "Other agency (test)", state = "FR", kind = "police" })).Ok();
        await CreateAccountAsync(admin, "olga", OtherAgency, "Investigator");
        await CreateAccountAsync(admin, "aud", DemoPipeline.Agency, "Auditor");
        await CreateAccountAsync(admin, "pros", DemoPipeline.Agency, "Prosecutor");
    }

    public Task<ApiClient> AdminAsync() => ApiClient.SignedInAsync(Server.Address, "admin", Password);

    public Task<ApiClient> SignInAsync(string login) => ApiClient.SignedInAsync(Server.Address, login, Password);

    private async Task CreateAccountAsync(ApiClient admin, string login, string agency, string role)
    {
        var created = await admin.PostJsonAsync("/api/v1/admin/accounts", new { login, agency, display_name = login, roles = new[] { role } });
        var oneTime = created["one_time_password"]!.GetValue<string>();
        using var user = await ApiClient.SignedInAsync(Server.Address, login, oneTime);
        (await user.PostAsync("/api/v1/auth/password", new { current_password = oneTime, new_password = Password })).Ok();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class DemoServerCollection : ICollectionFixture<DemoServerFixture>
{
    public const string Name = "demo server";
}
