using System.Globalization;
using Cairn.Server.Tests.Infrastructure;
using Cairn.Development.Demo;
using Microsoft.Playwright;

namespace Cairn.Server.Tests.Ui;

/// <summary>
/// The asset-recovery officer in a real browser: records freeze → seize → confiscate → return on the
/// case's ledger tab with amounts typed in BTC and a back-dated date, sees a refusal under the amount
/// when seizing more than is frozen (nothing written), the recovery funnel per State, and each event's value in
/// the chosen currency at its date ("no rate" where no table covers it); the return awaits a second user (a
/// prosecutor, in a second browser session), who is refused a rejection without a reason and approves it.
/// </summary>
[Collection(DemoServerCollection.Name)]
public sealed class AssetRecoveryUiTests(DemoServerFixture fixture) : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _browser = fixture is null ? throw new ArgumentNullException(nameof(fixture)) : new BrowserFixture();

    [ChromiumFact]
    public async Task AssetRecoveryOfficer_RecordsFreezeToReturn_AndSeesTheFunnel_InChromium()
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
        using var admin = await fixture.AdminAsync();
        await admin.PostJsonAsync("/api/v1/cases", new { reference = "ARO-UI-1", title = "Recovery in the browser", offence_type = "fraud" });
        var created = await admin.PostJsonAsync("/api/v1/admin/accounts", new { login = "rita", agency = DemoPipeline.Agency, display_name = "Rita", roles = new[] { "AssetRecoveryOfficer" } });
        var oneTime = created["one_time_password"]!.GetValue<string>();
        using (var rita = await ApiClient.SignedInAsync(fixture.Server.Address, "rita", oneTime))
            (await rita.PostAsync("/api/v1/auth/password", new { current_password = oneTime, new_password = "rita has a long password" })).Ok();

        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Server.Address.ToString(), ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        // Expected in the console: the first "who am I?" (401) and the refused seizure (400).
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("status of 401", StringComparison.Ordinal) && !message.Text.Contains("status of 400", StringComparison.Ordinal))
                errors.Add(message.Text);
        };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync("/");
        await page.FillAsync("#login", "rita");
        await page.FillAsync("#password", "rita has a long password");
        await page.ClickAsync("#login-form button[type=submit]");
        await page.Locator("[data-testid=cases-table]").WaitForAsync();

        await page.GotoAsync("/#/case/ARO-UI-1/ledger");
        await page.Locator("#ledger-form").WaitForAsync();
        // A day the demo's (fictional) BTC rate tables cover, so the dashboard can value it; the return below is dated today, which they do not cover.
        var happened = new DateOnly(2024, 6, 3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await RecordAsync(page, "freeze", "1.5", happened);
        await Assertions.Expect(page.Locator("[data-testid=ledger-events]")).ToContainTextAsync("1.5 BTC");
        await Assertions.Expect(page.Locator("[data-testid=ledger-events]")).ToContainTextAsync(happened);
        await Assertions.Expect(page.Locator("[data-testid=ledger-events]")).ToContainTextAsync("150000000 base units");

        await RecordAsync(page, "seize", "2", happened, submit: false);
        await Assertions.Expect(page.Locator("#ledger-base-units")).ToContainTextAsync("200000000 base units");
        await page.ClickAsync("#ledger-form button[type=submit]");
        await Assertions.Expect(page.Locator("[data-error-for=amount]")).ToContainTextAsync("only 1.5 BTC (150000000 base units) is frozen");
        await Assertions.Expect(page.Locator("[data-testid=ledger-events] tbody tr")).ToHaveCountAsync(1);
        await Shot(page, "11-ledger-refusal");

        await page.FillAsync("#ledger-amount", "1.5");
        await page.ClickAsync("#ledger-form button[type=submit]");
        await Assertions.Expect(page.Locator("[data-testid=ledger-events] tbody tr")).ToHaveCountAsync(2);
        await RecordAsync(page, "confiscate", "1.5", happened);
        await Assertions.Expect(page.Locator("[data-testid=ledger-events] tbody tr")).ToHaveCountAsync(3);
        await RecordAsync(page, "return_to_victim", "1", null, recipient: "victim A");
        await Assertions.Expect(page.Locator("[data-testid=ledger-events] tbody tr")).ToHaveCountAsync(4);
        // Four eyes: the return waits for a second user; Rita, who recorded it, cannot approve it.
        await Assertions.Expect(page.Locator("[data-testid=ledger-pending]")).ToContainTextAsync("1 disposal awaits");
        await Assertions.Expect(page.Locator("[data-testid=ledger-events] tbody tr").Nth(3)).ToContainTextAsync("Awaiting another user's approval");
        await Assertions.Expect(page.Locator("[data-approve]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=ledger-states] tbody tr", new() { HasTextString = "victim A" })).ToHaveCountAsync(0);

        var second = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Server.Address.ToString(), ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var prosecutor = await second.NewPageAsync();
        prosecutor.PageError += (_, error) => errors.Add(error);
        await prosecutor.GotoAsync("/");
        await prosecutor.FillAsync("#login", "pros");
        await prosecutor.FillAsync("#password", DemoServerFixture.Password);
        await prosecutor.ClickAsync("#login-form button[type=submit]");
        await prosecutor.Locator("[data-testid=cases-table]").WaitForAsync();
        await prosecutor.GotoAsync("/#/case/ARO-UI-1/ledger");
        await prosecutor.Locator("[data-reject]").ClickAsync();
        await Assertions.Expect(prosecutor.Locator(".decide [data-error-for=reason]")).ToContainTextAsync("reason");
        await prosecutor.Locator("[data-approve]").ClickAsync();
        await Assertions.Expect(prosecutor.Locator("[data-testid=ledger-events] tbody tr").Nth(3)).ToContainTextAsync("Approved by pros");
        await Assertions.Expect(prosecutor.Locator("[data-testid=ledger-pending]")).ToHaveCountAsync(0);
        await second.DisposeAsync();
        await page.ReloadAsync();

        var germany = page.Locator("[data-testid=ledger-states] tbody tr", new() { HasTextString = "Germany" });
        await Assertions.Expect(germany).ToContainTextAsync("1.5 BTC");
        await Assertions.Expect(germany.Locator("td").Nth(5)).ToContainTextAsync("1 BTC");
        await Assertions.Expect(page.Locator("[data-testid=ledger-states] tbody tr", new() { HasTextString = "victim A" }).Locator("td").Nth(6)).ToContainTextAsync("1 BTC");
        // Values at each event's date: the demo's (fictional) BTC rates stop in 2024, so the events of today say
        // "no rate", the freeze of 2024-06-03 is valued; one more back-dated into 2024 is valued, with the rate's date
        // and source, in the currency of the switch.
        await Assertions.Expect(page.Locator("[data-testid=ledger-events] tbody tr").First.Locator(".fiat")).ToContainTextAsync("rate of 2024-06-03");
        await Assertions.Expect(page.Locator("[data-testid=ledger-events] tbody tr", new() { HasTextString = "no rate" }).First).ToBeVisibleAsync();
        await page.SelectOptionAsync("#ledger-fiat", "EUR");
        await Assertions.Expect(page.Locator("[data-testid=ledger-events] thead")).ToContainTextAsync("value (EUR)");
        await RecordAsync(page, "freeze", "0.5", "2024-03-01");
        var valued = page.Locator("[data-testid=ledger-events] tbody tr", new() { HasTextString = "2024-03-01" });
        await Assertions.Expect(valued.Locator(".fiat")).ToContainTextAsync("EUR");
        await Assertions.Expect(valued.Locator(".fiat")).ToContainTextAsync("rate of 2024-03-01");
        await Assertions.Expect(valued.Locator(".fiat")).ToContainTextAsync(DemoPipeline.DemoRateSource);
        await Shot(page, "12-ledger");

        // The dashboard: the same funnel in units and in the chosen currency, "no rate" where the tables have none.
        await page.ClickAsync("[data-testid=tab-dashboard]");
        var state = page.Locator("[data-testid=dashboard-jurisdictions] tbody tr", new() { HasTextString = "Germany" });
        // 1.5 BTC frozen on 2024-06-03 and 0.5 BTC back-dated to 2024-03-01 above: both days have a rate.
        await Assertions.Expect(state.Locator("[data-step=frozen]")).ToContainTextAsync("2 BTC (");
        await page.SelectOptionAsync("#dashboard-fiat", "EUR");
        var frozen = state.Locator("[data-step=frozen] [data-fiat]");
        await Assertions.Expect(frozen).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[\d,]+\.\d\d EUR$"));
        Assert.True(decimal.Parse(await frozen.GetAttributeAsync("data-fiat") ?? "0", CultureInfo.InvariantCulture) > 0);
        await Assertions.Expect(state.Locator("[data-step=returned] [data-fiat=none]")).ToHaveTextAsync("no rate");
        var victim = page.Locator("[data-testid=dashboard-jurisdictions] tbody tr", new() { HasTextString = "victim A" });
        await Assertions.Expect(victim.Locator("[data-step=received]")).ToContainTextAsync("1 BTC (");
        await Assertions.Expect(page.Locator("[data-testid=dashboard-alerts]")).ToContainTextAsync("No open alert");
        await Shot(page, "12b-dashboard");
        await page.ClickAsync("[data-testid=dashboard-alerts] a");
        await Assertions.Expect(page.Locator("[data-testid=alerts-table]")).ToBeVisibleAsync();
        Assert.True(errors.Count == 0, "browser errors: " + string.Join(" | ", errors));
        await context.DisposeAsync();
    }

    private static async Task RecordAsync(IPage page, string kind, string amount, string? happened, string? recipient = null, bool submit = true)
    {
        var rows = await page.Locator("[data-testid=ledger-events] tbody tr:not(.empty)").CountAsync();
        await page.SelectOptionAsync("#ledger-event", kind);
        if (happened is not null) await page.FillAsync("#ledger-occurred", happened);
        await page.FillAsync("#ledger-location", "Northwind exchange, account 7");
        await page.FillAsync("#ledger-amount", amount);
        await page.FillAsync("#ledger-basis", "Regulation (EU) 2018/1805 Art 7");
        await page.FillAsync("#ledger-authority", "Amtsgericht Berlin");
        await page.SelectOptionAsync("#ledger-jurisdiction", "DE");
        if (recipient is not null) await page.FillAsync("#ledger-recipient", recipient);
        if (!submit) return;
        await page.ClickAsync("#ledger-form button[type=submit]");
        await Assertions.Expect(page.Locator("[data-testid=ledger-events] tbody tr:not(.empty)")).ToHaveCountAsync(rows + 1);
    }

    private static async Task Shot(IPage page, string name)
    {
        var directory = Environment.GetEnvironmentVariable("CAIRN_SCREENSHOTS");
        if (string.IsNullOrEmpty(directory)) return;
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }
}
