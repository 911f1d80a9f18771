using System.Text.Json.Nodes;
using Cairn.Development.Demo;
using Cairn.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cairn.Server.Tests.Ui;

/// <summary>A prosecutor in a real browser: a ready request says it is not validated and does not offer "sent"; Validate; then it does.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class RequestValidationUiTests(DemoServerFixture fixture) : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _browser = fixture is null ? throw new ArgumentNullException(nameof(fixture)) : new BrowserFixture();

    [ChromiumFact]
    public async Task Prosecutor_ValidatesAReadyRequest_AndOnlyThenIsSentOffered_InChromium()
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
        var id = await ReadyEioAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Server.Address.ToString(), ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error" && !message.Text.Contains("status of 401", StringComparison.Ordinal)) errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync("/");
        await page.FillAsync("#login", "pros");
        await page.FillAsync("#password", DemoServerFixture.Password);
        await page.ClickAsync("#login-form button[type=submit]");
        await page.Locator("[data-testid=cases-table]").WaitForAsync();

        await page.GotoAsync($"/#/request/{Uri.EscapeDataString(id)}");
        var validation = page.Locator("[data-testid=request-validation]");
        await Assertions.Expect(validation).ToContainTextAsync("Not validated");
        await Assertions.Expect(page.Locator("#validation")).ToContainTextAsync("Directive 2014/41/EU Art 2(c)(ii)");
        // Drafted today from the demo trace: the demo's (fictional) BTC rates stop in 2024, so the value says "no rate", never a guess.
        await Assertions.Expect(page.Locator("[data-testid=estimated-value]")).ToContainTextAsync("at the drafting date");
        await Assertions.Expect(page.Locator("[data-testid=estimated-value]")).ToContainTextAsync("no rate for BTC in");
        await Assertions.Expect(page.Locator("#status-to option[value=sent]")).ToHaveCountAsync(0);

        await page.ClickAsync("#validate-request");
        await Assertions.Expect(validation).ToContainTextAsync("Validated by pros (Prosecutor");
        await Assertions.Expect(page.Locator("#validate-request")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#status-to option[value=sent]")).ToHaveCountAsync(1);
        Assert.True(errors.Count == 0, "browser errors: " + string.Join(" | ", errors));
        await context.DisposeAsync();
    }

    /// <summary>An EIO drafted by the prosecutor from the demo case, complete and ready (through the API).</summary>
    private async Task<string> ReadyEioAsync()
    {
        using var pros = await fixture.SignInAsync("pros");
        var drafted = await pros.PostJsonAsync($"/api/v1/cases/{DemoPipeline.CaseReference}/requests/draft", new { from = "NL", measures = new[] { "traffic_data" }, acknowledge_overlap = true });
        foreach (var draft in drafted["drafts"]!.AsArray())
        {
            if (draft!["instrument_id"]?.GetValue<string>() != "eio") continue;
            var id = draft["id"]!.GetValue<string>();
            JsonNode detail = await pros.GetJsonAsync($"/api/v1/requests/{id}");
            var version = detail["version"]!.GetValue<long>();
            foreach (var item in detail["completeness"]!["missing"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()))
                (await pros.SendAsync(HttpMethod.Put, $"/api/v1/requests/{id}/contents/{item}", new { text = $"text for {item}", version = version++ })).Ok();
            (await pros.PostAsync($"/api/v1/requests/{id}/status", new { to = "ready" })).Ok();
            return id;
        }
        throw new InvalidOperationException("the demo case drafted no EIO for traffic data");
    }
}
