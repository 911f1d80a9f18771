using System.Net;
using Cairn.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cairn.Server.Tests.Ui;

/// <summary>The auditor in a real browser: finds another agency's refused read by the case reference, in words, and verifies the log.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class AuditorUiTests(DemoServerFixture fixture) : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _browser = fixture is null ? throw new ArgumentNullException(nameof(fixture)) : new BrowserFixture();

    [ChromiumFact]
    public async Task Auditor_FindsARefusalByCaseReference_AndVerifiesTheLog_InChromium()
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
        await admin.PostJsonAsync("/api/v1/cases", new { reference = "AUDIT-UI-1", title = "audited in the browser", offence_type = "fraud" });
        using (var olga = await fixture.SignInAsync("olga"))
            Assert.Equal(HttpStatusCode.NotFound, (await olga.GetAsync("/api/v1/cases/AUDIT-UI-1")).Status);

        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Server.Address.ToString(), ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error" && !message.Text.Contains("status of 401", StringComparison.Ordinal)) errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync("/");
        await page.FillAsync("#login", "aud");
        await page.FillAsync("#password", DemoServerFixture.Password);
        await page.ClickAsync("#login-form button[type=submit]");
        await page.Locator("[data-testid=cases-table]").WaitForAsync();

        await page.ClickAsync("#nav a[href='#/audit']");
        await page.FillAsync("#audit-case", "AUDIT-UI-1");
        await page.ClickAsync("#audit-form button[type=submit]");
        var refusal = page.Locator("[data-testid=audit-table] tbody tr", new() { HasTextString = "Access refused" });
        await Assertions.Expect(refusal).ToHaveCountAsync(1);
        await Assertions.Expect(refusal).ToContainTextAsync("olga (Other agency (test))");
        await Assertions.Expect(refusal).ToContainTextAsync("GET /api/v1/cases/AUDIT-UI-1");
        await Assertions.Expect(page.Locator("[data-testid=audit-table]")).ToContainTextAsync("Case opened");
        Assert.Contains("case=AUDIT-UI-1", page.Url, StringComparison.Ordinal);

        await page.ClickAsync("#audit-verify");
        await Assertions.Expect(page.Locator("[data-testid=audit-verdict]")).ToContainTextAsync("The log verifies");
        await Shot(page, "13-audit");
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
