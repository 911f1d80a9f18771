using Cairn.Development.Demo;
using Cairn.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cairn.Server.Tests.Ui;

/// <summary>
/// Issue 15, "every form shows its error next to the field", in Chromium: the screening, route explorer, chain ingest,
/// trace, custody search and watch forms each get bad input; a check made in the page and the server's validation problem
/// both appear under the field they are about, and what was typed stays in the form.
/// </summary>
[Collection(DemoServerCollection.Name)]
public sealed class FormErrorsUiTests(DemoServerFixture fixture) : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _browser = fixture is null ? throw new ArgumentNullException(nameof(fixture)) : new BrowserFixture();

    [ChromiumFact]
    public async Task EachSearchAndRunForm_ShowsClientAndServerErrorsNextToTheField_InChromium()
    {
        await _browser.InitializeAsync();
        try
        {
            // 400: the validation problems this test provokes; 404: drafting on a route for a case that does not exist.
            var admin = await BrowserPages.SignInAsync(_browser.Browser!, fixture.Server.Address, "admin", DemoServerFixture.Password, 400, 404);
            var page = admin.Page;

            await admin.GoAsync("/screen", "#screen-form");
            await page.FillAsync("#screen-input", "  \n ");
            await page.ClickAsync("#screen-form button[type=submit]");
            await ExpectErrorAsync(page, "#screen-form", "addresses", "at least one address");

            await admin.GoAsync("/routes", "#route-form");
            await page.FillAsync("#route-from", "N");
            await page.ClickAsync("#route-form button[type=submit]");
            await ExpectErrorAsync(page, "#route-form", "from", "not a two-letter State code");
            await page.FillAsync("#route-from", "NL");
            await page.FillAsync("#route-to", "ZZ");
            await page.ClickAsync("#route-form button[type=submit]");
            await ExpectErrorAsync(page, "#route-form", "to", "unknown state code 'ZZ'");
            await Assertions.Expect(page.Locator("#route-form [data-error-for=from]")).ToBeHiddenAsync();
            Assert.Equal("ZZ", await page.InputValueAsync("#route-to"));
            await page.FillAsync("#route-to", "DE");
            await page.ClickAsync("#route-form button[type=submit]");
            var first = page.Locator("[data-testid=route-option]").First;
            await first.Locator("button[data-draft]").ClickAsync();
            await Assertions.Expect(first.Locator("[data-error-for=reference]")).ToContainTextAsync("give the case");
            await first.Locator("[data-testid=route-case]").FillAsync("NO-SUCH-CASE-1");
            await first.Locator("button[data-draft]").ClickAsync();
            await Assertions.Expect(first.Locator("[data-error-for=reference]")).ToContainTextAsync("NO-SUCH-CASE-1");

            await admin.GoAsync("/chain", "#ingest-form");
            await page.ClickAsync("#ingest-form button[type=submit]");
            await ExpectErrorAsync(page, "#ingest-form", "blocks", "give the blocks directory");
            await page.FillAsync("#ingest-blocks", "/no/such/blocks/directory");
            await page.ClickAsync("#ingest-form button[type=submit]");
            await ExpectErrorAsync(page, "#ingest-form", "blocks", "no directory");
            Assert.Equal("/no/such/blocks/directory", await page.InputValueAsync("#ingest-blocks"));

            await admin.GoAsync($"/case/{DemoPipeline.CaseReference}/traces", "#trace-form");
            await page.FillAsync("#trace-from", "not-an-address");
            await page.ClickAsync("#run-trace");
            await ExpectErrorAsync(page, "#trace-form", "from", "malformed address 'not-an-address'");
            await page.FillAsync("#trace-from", fixture.Demo.Scenario.Ransomware!.RansomAddress);
            await page.FillAsync("#trace-hops", "500");
            await page.ClickAsync("#run-trace");
            await ExpectErrorAsync(page, "#trace-form", "max_hops", "from 1 to 100");
            await Assertions.Expect(page.Locator("#trace-form [data-error-for=from]")).ToBeHiddenAsync();
            Assert.Equal("500", await page.InputValueAsync("#trace-hops"));

            await admin.GoAsync($"/case/{DemoPipeline.CaseReference}/alerts", "#watch-form");
            await page.SelectOptionAsync("#watch-chain", "btc");
            await page.FillAsync("#watch-value", "nonsense-address");
            await page.ClickAsync("#add-watch");
            await Assertions.Expect(page.Locator("#watch-value-error")).ToContainTextAsync("is not a Bitcoin address");
            Assert.Equal("nonsense-address", await page.InputValueAsync("#watch-value"));

            // The custody search runs from the address: a malformed time there is the server's problem, shown under its field.
            await admin.GoAsync("/audit?from=yesterday", "#audit-form");
            await ExpectErrorAsync(page, "#audit-form", "from", "yesterday");
            await page.FillAsync("#audit-from", "2026-02-01");
            await page.FillAsync("#audit-to", "2026-01-01");
            await page.ClickAsync("#audit-form button[type=submit]");
            await ExpectErrorAsync(page, "#audit-form", "to", "ends (2026-01-01) before it starts");
            Assert.Equal("2026-02-01", await page.InputValueAsync("#audit-from"));

            admin.AssertNoBrowserErrors();
        }
        finally
        {
            await _browser.DisposeAsync();
        }
    }

    /// <summary>The error slot of <paramref name="field"/> in <paramref name="form"/> is shown with the text, and its input marked.</summary>
    private static async Task ExpectErrorAsync(IPage page, string form, string field, string text)
    {
        await Assertions.Expect(page.Locator($"{form} [data-error-for={field}]")).ToContainTextAsync(text);
        await Assertions.Expect(page.Locator($"{form} [data-error-for={field}]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"{form} [name={field}]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("invalid"));
    }
}
