using System.Globalization;
using System.Text;
using Cairn.Development.Demo;
using Cairn.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cairn.Server.Tests.Ui;

/// <summary>
/// Time to interactive of the main pages on the demo data in a real browser: each page loaded anew (a full load, not a
/// hash change), timed from the navigation's start to the moment its main table or form is on screen with its handlers
/// bound (performance.now() when a mutation observer first finds it), three loads each, the median kept, with the bytes the page's
/// API calls transferred. The traces tab draws its graph after its tables answer: the time its first frame was painted is
/// recorded beside (data-drawn-at, on the page's clock), not counted in the answer. Every page must answer within CAIRN_PAGE_BUDGET_MS (default 10,000 ms: the issue's 1 s on a
/// quiet machine, with room for a loaded shared one); with CAIRN_PAGE_TIMINGS=FILE the figures are written there as
/// the Markdown table of docs/benchmarks.md, with where a load's start went (the HTML received, the document created,
/// DOM interactive), how many of the UI's own files went to the server rather than coming from the browser's cache, and
/// for the traces tab where the graph's time went (its read, the graph library's load, graph.js's user timings).
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
        // The page notes, on its own clock, when each ready element first enters the document (a mutation observer
        // installed before the app's scripts run): the test's own wait and round trip to the browser, hundreds of
        // milliseconds on a loaded machine, stay out of the figure; they are in the "seen by the test" column.
        await person.Context.AddInitScriptAsync($$"""
            (() => {
              const selectors = {{System.Text.Json.JsonSerializer.Serialize(pages.Select(p => p.Ready).Distinct().ToArray())}};
              const seen = (window.__cairnReady = {});
              const look = () => { for (const s of selectors) if (!(s in seen) && document.querySelector(s)) seen[s] = performance.now(); };
              new MutationObserver(look).observe(document, { childList: true, subtree: true });
            })();
            """);
        // Between loads: about:blank by default. CAIRN_PAGE_BETWEEN=/healthz (a page of this server, with the same
        // Cross-Origin-Opener-Policy) leaves out the browser's switch to a new renderer process that COOP asks for when
        // the page before it had none (about:blank): a full load as after a reload, not as from another tab's blank page.
        var between = Environment.GetEnvironmentVariable("CAIRN_PAGE_BETWEEN") is { Length: > 0 } page ? page : "about:blank";
        var budget = int.TryParse(Environment.GetEnvironmentVariable("CAIRN_PAGE_BUDGET_MS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var b) ? b : 10_000;
        var results = new List<(string Name, double Ready, double Seen, double Dom, double Html, double Created, string Files, long ApiBytes, int ApiCalls, string Slowest, double? Graph, string GraphSteps, int Waves)>();
        foreach (var (name, hash, ready) in pages)
        {
            var runs = new List<(double Ready, double Seen, double Dom, double Html, double Created, string Files, long ApiBytes, int ApiCalls, string Slowest, double? Graph, string GraphSteps, int Waves)>();
            for (var i = 0; i < Loads; i++)
            {
                await person.Page.GotoAsync(between);
                await person.Page.GotoAsync("/#" + hash);
                try
                {
                    await person.Page.Locator(ready).First.WaitForAsync(new() { Timeout = 60_000 });
                }
                catch (TimeoutException)
                {
                    // Say what the page showed instead (its error line) and what the browser reported.
                    var shown = await person.Page.Locator("#main").InnerTextAsync();
                    Assert.Fail($"{name} ({hash}) never showed {ready}; the page showed: {shown[..Math.Min(shown.Length, 300)]}; browser errors: {string.Join(" | ", person.Errors)}");
                }
                var figures = await person.Page.EvaluateAsync<string[]>(@"(ready) => {
                    const now = performance.now();
                    const answered = (window.__cairnReady || {})[ready] ?? now;
                    const nav = performance.getEntriesByType('navigation')[0];
                    const api = performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/v1/'));
                    // The page's own files (modules, style sheet, graph library): how many went to the server (a revalidation
                    // answered 304 counts) rather than coming from the browser's cache (transferSize 0).
                    const files = performance.getEntriesByType('resource').filter((r) => !r.name.includes('/api/v1/') && r.responseEnd <= answered);
                    const slowest = api.reduce((a, r) => (!a || r.duration > a.duration ? r : a), null);
                    return [String(now), String(nav ? nav.domInteractive : 0), String(api.reduce((s, r) => s + (r.transferSize || r.encodedBodySize || 0), 0)), String(api.length),
                      slowest ? `${new URL(slowest.name).pathname.replace('/api/v1', '')} ${Math.round(slowest.duration)}` : '', String(answered), String(waves(api, answered)),
                      String(nav ? nav.responseEnd : 0), fetched(files), String(performance.timing.domLoading - performance.timing.navigationStart)];
                    function fetched(all) {
                      const names = all.filter((r) => r.transferSize > 0).map((r) => new URL(r.name).pathname);
                      return `${names.length} of ${all.length}${names.length && names.length <= 3 ? ` (${names.join(', ')})` : ''}`;
                    }
                    // API calls in sequence before the answer: the longest chain of calls each started after the one before it
                    // had answered (what the load cannot change: each link is a round trip the page waited for).
                    function waves(calls, until) {
                      const done = calls.filter((r) => r.responseEnd <= until).sort((a, b) => a.startTime - b.startTime);
                      const depth = [];
                      done.forEach((r, i) => { depth[i] = 1 + Math.max(0, ...done.slice(0, i).map((q, j) => (q.responseEnd <= r.startTime ? depth[j] : 0))); });
                      return Math.max(0, ...depth);
                    }
                }", ready);
                double? graph = null;
                var steps = "";
                if (hash.EndsWith("/traces", StringComparison.Ordinal))
                {
                    var drawn = person.Page.Locator("[data-testid=trace-graph][data-drawn-at]");
                    await drawn.WaitForAsync(new() { Timeout = 60_000 });
                    graph = double.Parse(await drawn.GetAttributeAsync("data-drawn-at") ?? "0", CultureInfo.InvariantCulture);
                    // Where the graph's time went, on the page's clock: the graph read and the graph library's load (start to
                    // end), then graph.js's own user timings (building the elements, Cytoscape's set-up, to the first frame).
                    steps = await person.Page.EvaluateAsync<string>(@"() => {
                      const at = (r) => r ? `${Math.round(r.startTime)}–${Math.round(r.responseEnd)}` : 'none';
                      const resource = (part) => performance.getEntriesByType('resource').find((r) => r.name.includes(part));
                      const measures = performance.getEntriesByType('measure').filter((m) => m.name.startsWith('graph:'))
                        .map((m) => `${m.name.replace('graph: ', '')} ${Math.round(m.duration)} (from ${Math.round(m.startTime)})`);
                      return [`graph read ${at(resource('/graph?'))}`, `library ${at(resource('cytoscape'))}`, ...measures].join('; ');
                    }");
                }
                runs.Add((double.Parse(figures[5], CultureInfo.InvariantCulture), double.Parse(figures[0], CultureInfo.InvariantCulture), double.Parse(figures[1], CultureInfo.InvariantCulture),
                    double.Parse(figures[7], CultureInfo.InvariantCulture), double.Parse(figures[9], CultureInfo.InvariantCulture), figures[8], long.Parse(figures[2], CultureInfo.InvariantCulture),
                    int.Parse(figures[3], CultureInfo.InvariantCulture), figures[4], graph, steps, int.Parse(figures[6], CultureInfo.InvariantCulture)));
            }
            var median = runs.OrderBy(r => r.Ready).ElementAt(Loads / 2);
            results.Add((name, median.Ready, median.Seen, median.Dom, median.Html, median.Created, median.Files, median.ApiBytes, median.ApiCalls, median.Slowest, median.Graph, median.GraphSteps, median.Waves));
        }
        person.AssertNoBrowserErrors();
        await person.Context.DisposeAsync();

        if (Environment.GetEnvironmentVariable("CAIRN_PAGE_TIMINGS") is { Length: > 0 } file)
        {
            var text = new StringBuilder("| page | interactive (median of 3, ms) | seen by the test (ms) | HTML received (ms) | document created (ms) | DOM interactive (ms) | own files fetched | API calls | in sequence | API bytes | slowest API call (ms) | graph drawn (ms) |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|\n");
            foreach (var r in results)
                text.Append(CultureInfo.InvariantCulture, $"| {r.Name} | {r.Ready:0} | {r.Seen:0} | {r.Html:0} | {r.Created:0} | {r.Dom:0} | {r.Files} | {r.ApiCalls} | {r.Waves} | {r.ApiBytes:N0} | {r.Slowest} | {(r.Graph is { } g ? g.ToString("0", CultureInfo.InvariantCulture) : "")} |\n");
            foreach (var r in results.Where(r => r.GraphSteps.Length > 0))
                text.Append(CultureInfo.InvariantCulture, $"\n{r.Name}, the graph (ms on the page's clock): {r.GraphSteps}\n");
            await File.WriteAllTextAsync(file, text.ToString());
        }
        var slow = results.Where(r => r.Ready > budget).Select(r => $"{r.Name}: {r.Ready:0} ms").ToList();
        Assert.True(slow.Count == 0, $"pages over the {budget} ms budget: {string.Join("; ", slow)}");
    }
}
