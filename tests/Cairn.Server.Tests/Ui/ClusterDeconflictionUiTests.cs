using Cairn.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cairn.Server.Tests.Ui;

/// <summary>In a real browser: a prosecutor reads a cluster hit notice in words (another agency's case holds an address of the same cluster) and asks for contact.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class ClusterDeconflictionUiTests(DemoServerFixture fixture) : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _browser = fixture is null ? throw new ArgumentNullException(nameof(fixture)) : new BrowserFixture();

    [ChromiumFact]
    public async Task Prosecutor_SeesAClusterHitInWords_AndRequestsContact_InChromium()
    {
        await _browser.InitializeAsync();
        try
        {
            await RunAsync(_browser.Browser!);
        }
        finally
        {
            await _browser.DisposeAsync();
        }
    }

    private async Task RunAsync(IBrowser browser)
    {
        using var olga = await fixture.SignInAsync("olga");
        string ours, theirs;
        using (var admin = await fixture.AdminAsync())
        {
            var scenario = fixture.Demo.Scenario.Ransomware!;
            List<string> members = [];
            foreach (var seed in scenario.Deposits.Select(d => d.Address).Reverse())
            {
                members = (await admin.GetJsonAsync($"/api/v1/btc/cluster/{seed}?limit=50"))["addresses"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
                if (members.Count >= 2) break;
            }
            Assert.True(members.Count >= 2, "no multi-input cluster among the demo deposits");
            (ours, theirs) = (members[^1], members[^2]);
            await olga.PostJsonAsync("/api/v1/cases", new { reference = "CLUSTER-UI-2", title = "Operation Grebe", offence_type = "fraud" });
            await olga.PostJsonAsync("/api/v1/cases/CLUSTER-UI-2/wallets", new { chain = "btc", address = theirs, role = "unknown", label = "Grebe" });
            await admin.PostJsonAsync("/api/v1/cases", new { reference = "CLUSTER-UI-1", title = "Operation Plover", offence_type = "fraud" });
            await admin.PostJsonAsync("/api/v1/cases/CLUSTER-UI-1/wallets", new { chain = "btc", address = ours, role = "perpetrator", label = "Plover" });
        }
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Server.Address.ToString(), ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync("/");
        await page.FillAsync("#login", "pros");
        await page.FillAsync("#password", DemoServerFixture.Password);
        await page.ClickAsync("#login-form button[type=submit]");
        await page.Locator("[data-testid=cases-table]").WaitForAsync();
        await page.GotoAsync("/#/notifications");
        var row = page.Locator("[data-testid=notifications-table] tbody tr", new() { HasTextString = ours }).Filter(new() { HasTextString = "same multi-input cluster" }).First;
        await Assertions.Expect(row).ToContainTextAsync($"as an address in a case of {DemoServerFixture.OtherAgency}");
        await Assertions.Expect(row).ToContainTextAsync("same cluster as another agency's");
        await Assertions.Expect(row).Not.ToContainTextAsync("Grebe");
        await Assertions.Expect(row).Not.ToContainTextAsync(theirs);
        await row.Locator("[data-contact]").ClickAsync();
        await Assertions.Expect(row.Locator("[data-contact]")).ToHaveTextAsync("Contact requested");
        var hers = await olga.GetJsonAsync("/api/v1/notifications?limit=500");
        Assert.Contains(hers["items"]!.AsArray(), n => n!["kind"]!.GetValue<string>() == "contact_request" && n["detail"]!.GetValue<string>() == $"btc {theirs} {Cairn.Development.Demo.DemoPipeline.Agency} pros cluster");
        Assert.True(errors.Count == 0, "browser errors: " + string.Join(" | ", errors));
        await context.DisposeAsync();
    }
}
