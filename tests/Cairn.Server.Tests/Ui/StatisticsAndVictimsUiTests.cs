using Cairn.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cairn.Server.Tests.Ui;

/// <summary>
/// In a real browser: a prosecutor adds a victim and their loss on the case dashboard (a loss without a transaction is refused under
/// that field), then opens the Statistics page, sees the charts and tables, shows the public aggregate report and downloads its CSV.
/// </summary>
[Collection(DemoServerCollection.Name)]
public sealed class StatisticsAndVictimsUiTests(DemoServerFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Payment = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b";
    private readonly BrowserFixture _browser = fixture is null ? throw new ArgumentNullException(nameof(fixture)) : new BrowserFixture();

    [ChromiumFact]
    public async Task Prosecutor_RecordsAVictimAndLoss_AndReadsStatistics_InChromium()
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
        using (var admin = await fixture.AdminAsync())
        {
            await admin.PostJsonAsync("/api/v1/cases", new { reference = "VICTIM-UI-1", title = "Victims in the browser", offence_type = "fraud" });
            await admin.PostJsonAsync("/api/v1/cases/VICTIM-UI-1/ledger", new
            {
                @event = "freeze", chain = "btc", token = "BTC", location = "exchange V", amount_units = "0.4",
                legal_basis = "Regulation (EU) 2018/1805 Art 7", authority = "Amtsgericht Berlin", jurisdiction = "DE",
            });
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

        await page.GotoAsync("/#/case/VICTIM-UI-1/dashboard");
        await page.FillAsync("#victim-name", "Clara V.");
        await page.ClickAsync("#victim-form button[type=submit]");
        await Assertions.Expect(page.Locator("[data-testid=dashboard-victims]")).ToContainTextAsync("Clara V.");
        await Assertions.Expect(page.Locator("[data-testid=dashboard-victims]")).ToContainTextAsync("no loss recorded yet");

        await page.FillAsync("#loss-amount", "0.25");
        await page.ClickAsync("#loss-form button[type=submit]");
        await Assertions.Expect(page.Locator("#loss-form [data-error-for=transaction_ids]")).ToContainTextAsync("at least one transaction");
        await page.FillAsync("#loss-transactions", Payment);
        await page.ClickAsync("#loss-form button[type=submit]");
        await Assertions.Expect(page.Locator("[data-testid=dashboard-victims] tbody tr", new() { HasTextString = "Clara V." })).ToContainTextAsync("0.25 BTC");
        await Shot(page, "13-victims");

        await page.ClickAsync("nav a[href='#/stats']");
        await Assertions.Expect(page.Locator("[data-testid=stats-scope]")).ToContainTextAsync("Figures of");
        await Assertions.Expect(page.Locator("[data-testid=stats-amounts]")).ToContainTextAsync("BTC");
        await Assertions.Expect(page.Locator("svg[data-testid=stats-chart-amounts] rect").First).ToBeVisibleAsync();
        await page.ClickAsync("#stats-public-form button[type=submit]");
        await Assertions.Expect(page.Locator("[data-testid=stats-public-amounts]")).ToContainTextAsync("<5");
        await Assertions.Expect(page.Locator("#stats-public-body")).Not.ToContainTextAsync("VICTIM-UI-1");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#stats-public-csv"));
        Assert.Equal("cairn-public-statistics.csv", download.SuggestedFilename);
        var text = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("table,agency,state,instrument,period,asset,ground,figure,value", text, StringComparison.Ordinal);
        await Shot(page, "14-statistics");
        Assert.True(errors.Count == 0, "browser errors: " + string.Join(" | ", errors));
        await context.DisposeAsync();
    }

    private static async Task Shot(IPage page, string name)
    {
        var directory = Environment.GetEnvironmentVariable("CAIRN_SCREENSHOTS");
        if (string.IsNullOrEmpty(directory)) return;
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }
}
