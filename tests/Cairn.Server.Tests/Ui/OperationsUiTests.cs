using Cairn.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cairn.Server.Tests.Ui;

/// <summary>The admin's backups-and-retention screen, the legal hold on the case page and the pseudonymised export on the sharing tab, in a real browser.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class OperationsUiTests(DemoServerFixture fixture) : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _browser = fixture is null ? throw new ArgumentNullException(nameof(fixture)) : new BrowserFixture();

    [ChromiumFact]
    public async Task Admin_PreviewsAPurge_DownloadsABackup_HoldsAndReleasesACase_AndExportsItPseudonymised_InChromium()
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
            await admin.PostJsonAsync("/api/v1/cases", new { reference = "HOLD-UI-1", title = "kept in the browser", offence_type = "fraud" });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Server.Address.ToString(), AcceptDownloads = true, ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        // The first page load asks "who am I?" (401); the hold form is submitted once without a reason on purpose (400).
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("status of 401", StringComparison.Ordinal) && !message.Text.Contains("status of 400", StringComparison.Ordinal)) errors.Add(message.Text);
        };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync("/");
        await page.FillAsync("#login", "admin");
        await page.FillAsync("#password", DemoServerFixture.Password);
        await page.ClickAsync("#login-form button[type=submit]");
        await page.Locator("[data-testid=cases-table]").WaitForAsync();

        await page.GotoAsync("/#/admin/operations");
        await Assertions.Expect(page.Locator("[data-testid=retention-policies] li[data-class=personal_data]"))
            .ToContainTextAsync("Personal data of subjects (names, details, identifiers): kept until deleted by hand");
        await page.ClickAsync("#purge-dry-run");
        await Assertions.Expect(page.Locator("[data-testid=purge-verdict]")).ToContainTextAsync("Nothing is due");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-backup"));
        Assert.EndsWith(".tar.gz", download.SuggestedFilename, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("[data-testid=backup-result]")).ToContainTextAsync("not the private keys");

        await page.GotoAsync("/#/case/HOLD-UI-1/overview");
        await Assertions.Expect(page.Locator("[data-testid=hold-state]")).ToContainTextAsync("Not on legal hold");
        await page.ClickAsync("#case-hold-form button[type=submit]");
        await Assertions.Expect(page.Locator("#case-hold-form [data-error-for=reason]")).ToBeVisibleAsync();
        await page.FillAsync("#hold-reason", "appeal pending in the browser");
        await page.ClickAsync("#case-hold-form button[type=submit]");
        await Assertions.Expect(page.Locator("[data-testid=hold-state]")).ToContainTextAsync("On legal hold");
        await Assertions.Expect(page.Locator("[data-testid=hold-state]")).ToContainTextAsync("appeal pending in the browser");
        await page.GotoAsync("/#/admin/operations");
        await Assertions.Expect(page.Locator("[data-testid=holds-table]")).ToContainTextAsync("HOLD-UI-1");
        await page.GotoAsync("/#/case/HOLD-UI-1/overview");
        await page.ClickAsync("#release-hold");
        await Assertions.Expect(page.Locator("[data-testid=hold-state]")).ToContainTextAsync("Not on legal hold");

        await page.GotoAsync("/#/case/HOLD-UI-1/sharing");
        var export = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-case"));
        Assert.Equal("HOLD-UI-1-pseudonymised.json", export.SuggestedFilename);
        await Assertions.Expect(page.Locator("[data-testid=export-result]")).ToContainTextAsync("pseudonyms made for this file only");
        Assert.True(errors.Count == 0, "browser errors: " + string.Join(" | ", errors));
        await context.DisposeAsync();
    }
}
