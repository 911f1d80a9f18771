using Cairn.Server.Tests.Infrastructure;
using Cairn.Development.Demo;
using Microsoft.Playwright;

namespace Cairn.Server.Tests.Ui;

/// <summary>
/// End to end in a real browser on the demo installation: sign in with a one-time password and
/// replace it, open the demo case, run a trace and see its graph, draft a request and watch the
/// completeness check follow the editing live, export the evidence package and verify it.
/// With CAIRN_SCREENSHOTS=DIR the main pages are saved there (docs/screenshots is refreshed so).
/// </summary>
[Collection(DemoServerCollection.Name)]
public sealed class WebUiTests(DemoServerFixture fixture) : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _browser = fixture is null ? throw new ArgumentNullException(nameof(fixture)) : new BrowserFixture();

    [ChromiumFact]
    public async Task Investigator_SignsInTracesDraftsAndVerifiesEvidence_InChromium()
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
        var created = await admin.PostJsonAsync("/api/v1/admin/accounts", new { login = "ines", agency = DemoPipeline.Agency, display_name = "Inès", roles = new[] { "investigator", "prosecutor", "admin" } });
        var oneTime = created["one_time_password"]!.GetValue<string>();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Server.Address.ToString(), AcceptDownloads = true, ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        // The first page load asks "who am I?" before signing in: that one 401 is expected.
        page.Console += (_, message) => { if (message.Type == "error" && !message.Text.Contains("status of 401", StringComparison.Ordinal)) errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync("/");
        await page.Locator("#login-form").WaitForAsync();
        await Shot(page, "01-sign-in");
        await page.FillAsync("#login", "ines");
        await page.FillAsync("#password", oneTime);
        await page.ClickAsync("#login-form button[type=submit]");
        await page.Locator("#password-form").WaitForAsync();
        await page.FillAsync("#current", oneTime);
        await page.FillAsync("#new", "ines has a long password");
        await page.ClickAsync("#password-form button[type=submit]");

        await page.Locator("[data-testid=cases-table]").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=who]")).ToContainTextAsync("ines");
        await Shot(page, "02-cases");
        await page.ClickAsync($"text={DemoPipeline.CaseReference}");
        await Assertions.Expect(page.Locator("[data-testid=dashboard-jurisdictions]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=tab-overview]");
        await page.Locator("[data-testid=wallets-table]").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=wallets-table]")).ToContainTextAsync(fixture.Demo.Scenario.Ransomware!.RansomAddress);

        await page.ClickAsync("[data-testid=tab-traces]");
        await page.Locator("#trace-form").WaitForAsync();
        // Ethereum from the same form first: saved with the case like a Bitcoin trace, and opened (the Bitcoin trace below is then the latest, which requests are drafted from).
        SmallEthereumIndex.WriteInto(fixture.DataDirectory);
        await page.SelectOptionAsync("#trace-chain", "eth");
        await page.FillAsync("#trace-from", SmallEthereumIndex.Address(2));
        await page.ClickAsync("#run-trace");
        await Assertions.Expect(page.Locator("text=trace saved")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-testid=trace-summary]")).ToContainTextAsync("ETH", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=traces-table]")).ToContainTextAsync("Ethereum");
        await Assertions.Expect(page.Locator("[data-testid=endpoints-table]")).ToContainTextAsync(SmallEthereumIndex.Address(5)[2..10], new() { IgnoreCase = true });

        await Assertions.Expect(page.Locator("#toast")).ToBeHiddenAsync(new() { Timeout = 15_000 });
        await page.SelectOptionAsync("#trace-chain", "btc");
        await page.FillAsync("#trace-from", fixture.Demo.Scenario.Ransomware!.RansomAddress);
        await page.FillAsync("#trace-hops", "25");
        await page.ClickAsync("#run-trace");
        await Assertions.Expect(page.Locator("text=trace saved")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-testid=progress]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=trace-summary]")).ToContainTextAsync("haircut forward", new() { Timeout = 30_000 });
        var graph = page.Locator("[data-testid=trace-graph]");
        await Assertions.Expect(graph.Locator("canvas").First).ToBeAttachedAsync();
        var nodes = int.Parse(await graph.GetAttributeAsync("data-nodes") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(nodes > 5, $"graph has {nodes} nodes");
        var groups = await graph.GetAttributeAsync("data-groups") ?? "";
        foreach (var country in new[] { "DE", "FR", "SG" }) Assert.Contains(country, groups, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("[data-testid=jurisdictions-table]")).ToContainTextAsync("SG");
        await page.EvaluateAsync("() => document.querySelector('[data-testid=trace-summary]').scrollIntoView()");
        await Shot(page, "03-trace-graph");

        await page.ClickAsync("[data-testid=tab-requests]");
        await page.Locator("#draft-form").WaitForAsync();
        await page.UncheckAsync("input[data-measure=freeze]");
        await page.CheckAsync("input[data-measure=stored_content]");
        await page.ClickAsync("#draft-form button[type=submit]");
        var link = page.Locator("[data-testid=requests-table] a", new() { HasTextString = "stored_content" }).First;
        await link.WaitForAsync();
        await Shot(page, "04-requests");
        await link.ClickAsync();
        await page.Locator("[data-testid=completeness]").WaitForAsync();
        var missing = await page.Locator("[data-missing]").CountAsync();
        Assert.True(missing > 0, "a fresh draft misses content");
        var first = await page.Locator("[data-missing]").First.GetAttributeAsync("data-missing");
        await page.FillAsync($"#content-{first}", "Filled in the browser");
        await Assertions.Expect(page.Locator("[data-missing]")).ToHaveCountAsync(missing - 1);
        await page.ClickAsync($"[data-save={first}]");
        await Assertions.Expect(page.Locator($"[data-state={first}]")).ToContainTextAsync("saved ");
        await Shot(page, "05-request-editor");

        await page.GotoAsync($"/#/case/{DemoPipeline.CaseReference}/evidence");
        await page.Locator("#export-evidence").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=evidence-table] [data-status=stored]").First).ToBeVisibleAsync();
        await page.ClickAsync("#check-evidence");
        await Assertions.Expect(page.Locator("[data-testid=evidence-table] [data-status=verified]").First).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-evidence"));
        Assert.EndsWith(".zip", download.SuggestedFilename, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("[data-testid=verify-status]")).ToContainTextAsync("verifies");
        // The same package as if received from elsewhere: uploaded to the verify form, broken down, its key pinned.
        await page.ClickAsync("#verify-form button[type=submit]");
        await Assertions.Expect(page.Locator("#verify-form [data-error-for=package]")).ToContainTextAsync("choose the package");
        await page.SetInputFilesAsync("#received-package", await download.PathAsync());
        await page.ClickAsync("#verify-form button[type=submit]");
        await Assertions.Expect(page.Locator("[data-testid=received-status] [data-valid=true]")).ToContainTextAsync("verifies");
        await Assertions.Expect(page.Locator("[data-testid=received-status] [data-testid=key-pinned]")).ToContainTextAsync("(pinned)");
        await Shot(page, "06-evidence");

        await page.GotoAsync("/#/screen");
        await page.FillAsync("#screen-input", "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h");
        await page.ClickAsync("form button[type=submit]");
        await Assertions.Expect(page.Locator("[data-testid=screen-table]")).ToContainTextAsync("sanction");
        await Shot(page, "07-screening");

        await page.GotoAsync("/#/routes");
        await page.SelectOptionAsync("#route-measure", "freeze");
        await page.FillAsync("#route-on", "2026-12-01");
        await page.ClickAsync("form button[type=submit]");
        await Assertions.Expect(page.Locator(".route").First).ToContainTextAsync("2018/1805");
        await Assertions.Expect(page.Locator("[data-testid=route-date]")).ToContainTextAsync("judged on 2026-12-01");
        await Assertions.Expect(page.Locator("[data-testid=route-addressee]").First).ToContainTextAsync("Send to:");
        await Assertions.Expect(page.Locator("[data-testid=route-languages]").First).ToContainTextAsync("Languages:");
        await Shot(page, "08-routes");

        // A State that is not a party, in words (UNTOC list complete on 2024-05-04), and partial lists flagged.
        await page.FillAsync("#route-to", "PG");
        await page.SelectOptionAsync("#route-measure", "testimony");
        await page.FillAsync("#route-on", "2024-05-04");
        await page.ClickAsync("form button[type=submit]");
        await Assertions.Expect(page.Locator("[data-testid=route-standing]")).ToContainTextAsync("PG is not a party to UNTOC");
        await Assertions.Expect(page.Locator(".route .pill.unverified", new() { HasTextString = "party status unverified" }).First).ToBeVisibleAsync();
        // A State that acceded later (Somalia, UNTOC in force for it on 2025-04-24) is not bound on that date either.
        await page.FillAsync("#route-to", "SO");
        await page.ClickAsync("form button[type=submit]");
        await Assertions.Expect(page.Locator("[data-testid=route-standing]")).ToContainTextAsync("UNTOC enters into force for SO only on 2025-04-24");
        // A bilateral treaty (from NL): the pair's own treaty is named beside the US hub rule's citation.
        await page.FillAsync("#route-to", "US");
        await page.FillAsync("#route-on", "2026-12-01");
        await page.ClickAsync("form button[type=submit]");
        await Assertions.Expect(page.Locator("[data-testid=route-treaty]").First).ToContainTextAsync("Treaty between the United States and the Kingdom of the Netherlands");

        // Draft the demo case's request on a route chosen in the explorer (the second one), to Germany only.
        await page.FillAsync("#route-to", "DE");
        await page.SelectOptionAsync("#route-measure", "freeze");
        await page.FillAsync("#route-on", "2026-12-01");
        await page.ClickAsync("form button[type=submit]");
        // The answer to PG is still on screen until DE's arrives: read the rule only from DE's answer.
        await Assertions.Expect(page.Locator("[data-testid=route-date]")).ToContainTextAsync("→ DE");
        await Assertions.Expect(page.Locator("[data-testid=route-date]")).ToContainTextAsync("judged on 2026-12-01");
        var second = page.Locator("[data-testid=route-option]").Nth(1);
        var rule = await second.GetAttributeAsync("data-rule");
        await second.Locator("[data-testid=route-case]").FillAsync(DemoPipeline.CaseReference);
        await second.Locator("button[data-draft]").ClickAsync();
        // The demo case already asked that State: the explorer names the request and asks before a second one.
        await Assertions.Expect(second.Locator("[data-testid=route-overlap]")).ToContainTextAsync("requests to the same State exist");
        // That answer is the server's validation problem (400) on acknowledge_overlap: Chromium logs it once; it is expected here.
        Assert.True(errors.Remove(errors.FirstOrDefault(e => e.Contains("status of 400", StringComparison.Ordinal)) ?? ""), "the overlap answer was not a 400");
        await second.Locator("button[data-draft-anyway]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=request-addressee]")).ToContainTextAsync("To:");
        await Assertions.Expect(page.Locator("[data-testid=request-addressee]")).ToContainTextAsync("route 2");
        // The rule is an identifier: the request page keeps it for experts on the legal basis line (hover), not in the text.
        await Assertions.Expect(page.Locator($"[data-rule='{rule}']")).ToHaveCountAsync(1);
        await Shot(page, "08b-draft-on-route");

        // The demo chain is already indexed: a second ingest of it adds nothing, but runs as a job with its progress bar.
        await page.GotoAsync("/#/chain");
        await Assertions.Expect(page.Locator("[data-testid=chain-status]")).ToContainTextAsync("regtest");
        await page.FillAsync("#ingest-blocks", Path.Combine(fixture.DataDirectory, "demo-chain"));
        await page.SelectOptionAsync("#ingest-network", "regtest");
        await page.ClickAsync("#ingest-form button[type=submit]");
        await Assertions.Expect(page.Locator("[data-testid=ingest-status]")).ToContainTextAsync("done:", new() { Timeout = 60_000 });
        await Shot(page, "09-chain");

        await page.GotoAsync("/#/exchange");
        await Assertions.Expect(page.Locator("[data-testid=outbox-table]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=inbox-table]")).ToBeVisibleAsync();
        await Shot(page, "10-exchange");

        Assert.True(errors.Count == 0, "browser errors: " + string.Join(" | ", errors));
        await context.DisposeAsync();
    }

    private static async Task Shot(IPage page, string name)
    {
        var directory = Environment.GetEnvironmentVariable("CAIRN_SCREENSHOTS");
        if (string.IsNullOrEmpty(directory)) return;
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = false });
    }
}
