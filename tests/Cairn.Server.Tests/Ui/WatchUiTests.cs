using Cairn.Development.Demo;
using Cairn.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Cairn.Server.Tests.Ui;

/// <summary>The case's watch & alerts tab in Chromium: a bad threshold is shown next to its field with the input kept, a good watch appears in the list.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class WatchUiTests(DemoServerFixture fixture)
{
    [ChromiumFact]
    public async Task WatchForm_ShowsTheErrorNextToTheField_ThenAddsTheWatch_InChromium()
    {
        var browser = new BrowserFixture();
        await browser.InitializeAsync();
        try
        {
            var page = await (await browser.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Server.Address.ToString() })).NewPageAsync();
            var errors = new List<string>();
            page.PageError += (_, error) => errors.Add(error);
            await page.GotoAsync("/");
            await page.FillAsync("#login", "admin");
            await page.FillAsync("#password", DemoServerFixture.Password);
            await page.ClickAsync("#login-form button[type=submit]");
            await page.Locator("[data-testid=cases-table]").WaitForAsync();

            await page.GotoAsync($"/#/case/{DemoPipeline.CaseReference}/alerts");
            await page.Locator("#watch-form").WaitForAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("[data-testid=tab-alerts]")).ToContainTextAsync("Watch & alerts");
            var address = fixture.Demo.Scenario.Ransomware!.RansomAddress;
            await page.SelectOptionAsync("#watch-chain", "btc");
            await page.FillAsync("#watch-value", address);
            await page.FillAsync("#watch-label", "ransom address (UI test)");
            await page.FillAsync("#watch-threshold", "1.5 BTC");
            await page.ClickAsync("#add-watch");
            await Assertions.Expect(page.Locator("#watch-threshold-error")).ToContainTextAsync("whole number");
            Assert.Equal(address, await page.InputValueAsync("#watch-value"));

            await page.FillAsync("#watch-threshold", "150000000");
            await page.ClickAsync("#add-watch");
            await Assertions.Expect(page.Locator("text=watch added")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("[data-testid=watches-table]")).ToContainTextAsync(address, new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("[data-testid=watches-table]")).ToContainTextAsync("ransom address (UI test)");
            await Assertions.Expect(page.Locator("[data-testid=alerts-table]")).ToBeAttachedAsync();
            Assert.Empty(errors);
        }
        finally
        {
            await browser.DisposeAsync();
        }
    }
}
