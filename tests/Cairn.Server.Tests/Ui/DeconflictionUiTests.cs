using Cairn.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cairn.Server.Tests.Ui;

/// <summary>In a real browser: a prosecutor reads an address hit notice (another agency's case holds an address of theirs) and asks for contact with one click.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class DeconflictionUiTests(DemoServerFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Address = "bc1qdeconflictionbrowser000000000000000000";
    private readonly BrowserFixture _browser = fixture is null ? throw new ArgumentNullException(nameof(fixture)) : new BrowserFixture();

    [ChromiumFact]
    public async Task Prosecutor_SeesAnAddressHit_AndRequestsContact_InChromium()
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
        await olga.PostJsonAsync("/api/v1/cases", new { reference = "DECONF-UI-2", title = "Operation Merlin", offence_type = "fraud" });
        await olga.PostJsonAsync("/api/v1/cases/DECONF-UI-2/wallets", new { chain = "btc", address = Address, role = "unknown", label = "Merlin" });
        using (var admin = await fixture.AdminAsync())
        {
            await admin.PostJsonAsync("/api/v1/cases", new { reference = "DECONF-UI-1", title = "Operation Osprey", offence_type = "fraud" });
            await admin.PostJsonAsync("/api/v1/cases/DECONF-UI-1/wallets", new { chain = "btc", address = Address, role = "perpetrator", label = "Osprey" });
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
        var row = page.Locator("[data-testid=notifications-table] tbody tr", new() { HasTextString = Address });
        await Assertions.Expect(row).ToContainTextAsync($"also in a case of {DemoServerFixture.OtherAgency}");
        await Assertions.Expect(row).Not.ToContainTextAsync("Merlin");
        await row.Locator("[data-contact]").ClickAsync();
        await Assertions.Expect(row.Locator("[data-contact]")).ToHaveTextAsync("Contact requested");
        var hers = await olga.GetJsonAsync("/api/v1/notifications?limit=500");
        Assert.Contains(hers["items"]!.AsArray(), n => n!["kind"]!.GetValue<string>() == "contact_request" && n["detail"]!.GetValue<string>().EndsWith(" pros", StringComparison.Ordinal));
        Assert.True(errors.Count == 0, "browser errors: " + string.Join(" | ", errors));
        await context.DisposeAsync();
    }
}
