using System.Globalization;
using System.Text;
using Cairn.Development.Demo;
using Cairn.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cairn.Server.Tests.Ui;

/// <summary>
/// Time to interactive of the main pages on the demo data in a real browser: each page loaded anew (a full load, not a
/// hash change), timed from the navigation's start to the moment its main table or form is on screen with its handlers
/// bound (performance.now() once the element is there), three loads each, the median kept, with the bytes the page's
/// API calls transferred. Every page must answer within CAIRN_PAGE_BUDGET_MS (default 10,000 ms: the issue's 1 s on a
/// quiet machine, with room for a loaded shared one); with CAIRN_PAGE_TIMINGS=FILE the figures are written there as
/// the Markdown table of docs/benchmarks.md.
/// </summary>
[Collection(DemoServerCollection.Name)]
public sealed class PageSpeedUiTests(DemoServerFixture fixture) : IClassFixture<BrowserFixture>
{
    private const int Loads = 3;
    private readonly BrowserFixture _browser = fixture is null ? throw new ArgumentNullException(nameof(fixture)) : new BrowserFixture();

    [ChromiumFact]
    public async Task MainPages_AreInteractiveWithinTheBudget_OnTheDemoData_InChromium()
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
        var demo = DemoPipeline.CaseReference;
        string request;
        using (var admin = await fixture.AdminAsync())
            request = (await admin.GetJsonAsync($"/api/v1/requests?case={demo}&limit=1"))["items"]![0]!["id"]!.GetValue<string>();
        var pages = new (string Name, string Hash, string Ready)[]
        {
            ("Cases", "/cases", "[data-testid=cases-table]"),
            ("Case dashboard", $"/case/{demo}", "[data-testid=dashboard-jurisdictions]"),
            ("Case details", $"/case/{demo}/overview", "[data-testid=wallets-table]"),
            ("Traces (demo trace: summary, graph, first pages)", $"/case/{demo}/traces", "[data-testid=endpoints-table]"),
            ("Case requests", $"/case/{demo}/requests", "#draft-form"),
            ("Request editor", $"/request/{request}", "[data-testid=completeness]"),
            ("Evidence", $"/case/{demo}/evidence", "[data-testid=evidence-table]"),
            ("Ledger", $"/case/{demo}/ledger", "[data-testid=ledger-events]"),
            ("Watch & alerts", $"/case/{demo}/alerts", "[data-testid=alerts-table]"),
            ("Sharing", $"/case/{demo}/sharing", "[data-testid=grants-table]"),
            ("Requests (all)", "/requests", "[data-testid=requests-count]"),
            ("Custody log (by case)", $"/audit?case={demo}", "[data-testid=audit-table]"),
            ("Administration", "/admin/accounts", "[data-testid=accounts-table]"),
            ("Notifications", "/notifications", "[data-testid=notifications-table]"),
        };
        var person = await BrowserPages.SignInAsync(browser, fixture.Server.Address, "admin", DemoServerFixture.Password);
        var budget = int.TryParse(Environment.GetEnvironmentVariable("CAIRN_PAGE_BUDGET_MS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var b) ? b : 10_000;
        var results = new List<(string Name, double Ready, double Dom, long ApiBytes, int ApiCalls, string Slowest)>();
        foreach (var (name, hash, ready) in pages)
        {
            var runs = new List<(double Ready, double Dom, long ApiBytes, int ApiCalls, string Slowest)>();
            for (var i = 0; i < Loads; i++)
            {
                await person.Page.GotoAsync("about:blank");
                await person.Page.GotoAsync("/#" + hash);
                await person.Page.Locator(ready).First.WaitForAsync(new() { Timeout = 60_000 });
                var figures = await person.Page.EvaluateAsync<string[]>(@"() => {
                    const now = performance.now();
                    const nav = performance.getEntriesByType('navigation')[0];
                    const api = performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/v1/'));
                    const slowest = api.reduce((a, r) => (!a || r.duration > a.duration ? r : a), null);
                    return [String(now), String(nav ? nav.domInteractive : 0), String(api.reduce((s, r) => s + (r.transferSize || r.encodedBodySize || 0), 0)), String(api.length),
                      slowest ? `${new URL(slowest.name).pathname.replace('/api/v1', '')} ${Math.round(slowest.duration)}` : ''];
                }");
                runs.Add((double.Parse(figures[0], CultureInfo.InvariantCulture), double.Parse(figures[1], CultureInfo.InvariantCulture), long.Parse(figures[2], CultureInfo.InvariantCulture),
                    int.Parse(figures[3], CultureInfo.InvariantCulture), figures[4]));
            }
            var median = runs.OrderBy(r => r.Ready).ElementAt(Loads / 2);
            results.Add((name, median.Ready, median.Dom, median.ApiBytes, median.ApiCalls, median.Slowest));
        }
        person.AssertNoBrowserErrors();
        await person.Context.DisposeAsync();

        if (Environment.GetEnvironmentVariable("CAIRN_PAGE_TIMINGS") is { Length: > 0 } file)
        {
            var text = new StringBuilder("| page | interactive (median of 3, ms) | DOM interactive (ms) | API calls | API bytes | slowest API call (ms) |\n|---|---:|---:|---:|---:|---|\n");
            foreach (var r in results)
                text.Append(CultureInfo.InvariantCulture, $"| {r.Name} | {r.Ready:0} | {r.Dom:0} | {r.ApiCalls} | {r.ApiBytes:N0} | {r.Slowest} |\n");
            await File.WriteAllTextAsync(file, text.ToString());
        }
        var slow = results.Where(r => r.Ready > budget).Select(r => $"{r.Name}: {r.Ready:0} ms").ToList();
        Assert.True(slow.Count == 0, $"pages over the {budget} ms budget: {string.Join("; ", slow)}");
    }
}
