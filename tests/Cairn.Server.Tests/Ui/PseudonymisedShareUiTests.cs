using Cairn.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cairn.Server.Tests.Ui;

/// <summary>
/// The owner ticks "Pseudonymise the persons for this agency" on the sharing form; the grant says "pseudonyms only"; the
/// receiving agency, in its own browser, is told so on the case and sees pseudonyms on the details page, the dashboard and
/// the victims' list, never the names; the owner still sees them.
/// </summary>
[Collection(DemoServerCollection.Name)]
public sealed class PseudonymisedShareUiTests(DemoServerFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Case = "PSEUDO-UI-1";
    private static readonly string[] Personal = ["Jane", "Roe", "P7654321", "Leeds", "Victor", "Smythe"];
    private readonly BrowserFixture _browser = fixture is null ? throw new ArgumentNullException(nameof(fixture)) : new BrowserFixture();

    [ChromiumFact]
    public async Task OwnerTicksPseudonymise_RecipientSeesOnlyPseudonyms_OwnerSeesNames_InChromium()
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
            var c = await admin.PostJsonAsync("/api/v1/cases", new { reference = Case, title = "Fraud by Jane Roe", offence_type = "fraud" });
            c = await admin.PostJsonAsync($"/api/v1/cases/{Case}/subjects", new
            {
                kind = "person", role = "suspect", name = "Jane Roe", details = "born in Leeds",
                identifiers = new[] { new { kind = "passport", value = "P7654321" } }, version = c["version"]!.GetValue<long>(),
            });
            await admin.PostJsonAsync($"/api/v1/cases/{Case}/notes", new { text = "Jane Roe moved the funds.", version = c["version"]!.GetValue<long>() });
            await admin.PostJsonAsync($"/api/v1/cases/{Case}/victims", new { name = "Victor Smythe", details = "" });
        }
        var owner = await BrowserPages.SignInAsync(browser, fixture.Server.Address, "admin", DemoServerFixture.Password);
        var olga = await BrowserPages.SignInAsync(browser, fixture.Server.Address, "olga", DemoServerFixture.Password);

        await owner.GoAsync($"/case/{Case}/sharing", "#share-form");
        await owner.Page.SelectOptionAsync("#share-agency", DemoServerFixture.OtherAgency);
        await owner.Page.SelectOptionAsync("#share-level", "read");
        await owner.Page.CheckAsync("#share-pseudonymise");
        await owner.Page.ClickAsync("#share-form button[type=submit]");
        var grant = owner.Page.Locator("[data-testid=grants-table] tbody tr", new() { HasTextString = "Other agency (test)" });
        await Assertions.Expect(grant.Locator("[data-testid=grant-pseudonymised]")).ToContainTextAsync("pseudonyms only");
        await owner.ShotAsync("41-pseudonymised-share");

        await olga.GoAsync($"/case/{Case}/overview", "[data-testid=case-line]");
        await Assertions.Expect(olga.Page.Locator("[data-testid=pseudonymised-notice]")).ToContainTextAsync("pseudonyms");
        await Assertions.Expect(olga.Page.Locator("#main")).ToContainTextAsync("person-");
        await AssertNoPersonalDataAsync(olga, "details");
        await olga.ShotAsync("42-pseudonymised-recipient");
        await olga.GoAsync($"/case/{Case}/dashboard", "[data-testid=dashboard-victims-section]");
        await Assertions.Expect(olga.Page.Locator("[data-testid=dashboard-victims-section]")).ToContainTextAsync("person-");
        await AssertNoPersonalDataAsync(olga, "dashboard");
        await olga.GoAsync("/notifications", "[data-testid=notifications-table]");
        await Assertions.Expect(olga.Page.Locator("[data-testid=notifications-table] tbody tr", new() { HasTextString = $"shared case {Case}" }).First)
            .ToContainTextAsync("persons shown as pseudonyms");

        await owner.GoAsync($"/case/{Case}/overview", "[data-testid=case-line]");
        await Assertions.Expect(owner.Page.Locator("#main")).ToContainTextAsync("Jane Roe");
        await Assertions.Expect(owner.Page.Locator("[data-testid=pseudonymised-notice]")).ToHaveCountAsync(0);

        owner.AssertNoBrowserErrors();
        olga.AssertNoBrowserErrors();
        await owner.Context.DisposeAsync();
        await olga.Context.DisposeAsync();
    }

    private static async Task AssertNoPersonalDataAsync(BrowserPages person, string page)
    {
        var text = await person.Page.Locator("#main").InnerTextAsync();
        foreach (var secret in Personal)
            Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"the recipient's {page} page shows '{secret}': {text}");
    }
}
