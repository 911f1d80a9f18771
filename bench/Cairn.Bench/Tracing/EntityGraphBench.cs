using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Cairn.Core.Json;
using Cairn.Tracing.Entities;
using Cairn.Tracing.Ethereum;
using Cairn.Valuation.Rates;
using Cairn.Workspace.Tracing;
using Microsoft.Playwright;

namespace Cairn.Bench.Tracing;

/// <summary>
/// `entity-graph`: the entity view of a large trace. (1) Building entities for a generated trace of N endpoints
/// (default 10,000; Ethereum-shaped: one to three paths of one to four hops each, a third of the endpoints at 300
/// attributed services in 25 States) with <see cref="EthereumEntities.Build"/>, then the views and the folded graph
/// (<see cref="GraphFolding"/>, 60 nodes), beside a plain pass over the same endpoints in memory (every amount parsed
/// and added, every step visited). (2) Drawing the folded graph with the UI's own graph.js and Cytoscape in headless
/// Chromium (Playwright), beside loading an empty page in the same browser.
/// </summary>
public sealed class EntityGraphBench : IBenchSuite
{
    public string Name => "entity-graph";

    public string Description => "entities of a 10k-endpoint trace vs a plain pass; folded graph drawn in headless Chromium vs an empty page [--endpoints N] [--runs R] [--no-browser] [--profile]";

    public async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var endpoints = Option(args, "--endpoints", 10_000);
        var runs = Option(args, "--runs", 7);
        var (result, attribution) = Generate(endpoints, new Random(16));
        output.WriteLine($"trace: {result.Endpoints.Count:N0} endpoints, {result.Endpoints.Sum(e => e.Paths.Sum(p => p.Count)):N0} steps, {attribution.Count:N0} attributed addresses");

        var plain = Measure(runs, () => PlainPass(result));
        TraceEntities entities = null!;
        var build = Measure(runs, () => { entities = EthereumEntities.Build(result, new KnownAttribution(attribution)); return entities.Entities.Count; });
        EntityGraphView view = null!;
        var fold = Measure(runs, () =>
        {
            var data = GraphData(entities);
            view = GraphFolding.Fold(data, new GraphQuery(), []);
            return view.Nodes.Count;
        });
        output.WriteLine($"entities: {entities.Entities.Count:N0} entities, {entities.Members.Count:N0} members, {entities.AddressFlows.Count:N0} address flows; folded to {view.Nodes.Count} nodes, {view.Edges.Count} edges");
        output.WriteLine($"  plain pass over the endpoints (baseline) : median {plain.Median:F2} ms, best {plain.Best:F2} ms");
        output.WriteLine($"  entity build (EthereumEntities.Build)   : median {build.Median:F2} ms, best {build.Best:F2} ms  ({build.Median / plain.Median:F1} x the plain pass)");
        output.WriteLine($"  views + fold to 60 nodes                 : median {fold.Median:F2} ms, best {fold.Best:F2} ms  ({fold.Median / plain.Median:F1} x the plain pass)");
        output.WriteLine($"  {runs} runs each after one warm-up; one thread");

        if (args.Contains("--no-browser")) return 0;
        var chromium = new[] { Environment.GetEnvironmentVariable("CAIRN_CHROMIUM") ?? "", "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        if (chromium is null)
        {
            output.WriteLine("render: skipped, no chromium (set CAIRN_CHROMIUM)");
            return 0;
        }
        await RenderAsync(chromium, view, runs, args.Contains("--profile"), output);
        return 0;
    }

    /// <summary>Serves the UI's graph.js and Cytoscape from wwwroot through Playwright's routing (module scripts need http, not file://).</summary>
    private static async Task RenderAsync(string chromium, EntityGraphView view, int runs, bool profile, TextWriter output)
    {
        var wwwroot = Path.Combine(FindRoot(), "src", "Cairn.Server", "wwwroot");
        var json = JsonSerializer.Serialize(view, CairnJson.Options);
        var pages = new Dictionary<string, (string Type, byte[] Body)>(StringComparer.Ordinal)
        {
            ["/empty.html"] = ("text/html", Encoding.UTF8.GetBytes("<!doctype html><html><head><title>empty</title></head><body></body></html>")),
            ["/graph.html"] = ("text/html", Encoding.UTF8.GetBytes(
                "<!doctype html><html><head><title>graph</title><script src=\"/vendor/cytoscape.min.js\"></script></head><body>" +
                "<div id=\"g\" style=\"width:1400px;height:900px\"></div><script type=\"module\">" +
                "import { drawEntityGraph } from \"/graph.js\";" +
                "const view = await (await fetch(\"/view.json\")).json();" +
                "const t0 = performance.now();" +
                "const handle = drawEntityGraph(document.getElementById(\"g\"), view, { asset: \"ETH\", fiat: \"USD\", onSelect: () => {} });" +
                "await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));" +
                "window.renderMs = performance.now() - t0; window.drawn = handle ? handle.cy.nodes().length : -1;" +
                "window.parts = performance.getEntriesByType(\"measure\").filter((m) => m.name.startsWith(\"graph: \")).map((m) => [m.name, m.duration]);" +
                "</script></body></html>")),
            ["/graph.js"] = ("text/javascript", File.ReadAllBytes(Path.Combine(wwwroot, "graph.js"))),
            ["/vendor/cytoscape.min.js"] = ("text/javascript", File.ReadAllBytes(Path.Combine(wwwroot, "vendor", "cytoscape.min.js"))),
            ["/view.json"] = ("application/json", Encoding.UTF8.GetBytes(json)),
        };
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"] });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        await context.RouteAsync("http://bench.cairn/**", async route =>
        {
            var path = new Uri(route.Request.Url).AbsolutePath;
            if (pages.TryGetValue(path, out var page)) await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = page.Type, BodyBytes = page.Body });
            else await route.FulfillAsync(new RouteFulfillOptions { Status = 404 });
        });
        var empty = new List<double>();
        var loadAndDraw = new List<double>();
        var draw = new List<double>();
        // The parts graph.js marks (performance.measure "graph: …"): elements, Cytoscape's set-up, the first frame.
        var parts = new SortedDictionary<string, List<double>>(StringComparer.Ordinal);
        var drawn = 0;
        for (var run = 0; run <= runs; run++)
        {
            var page = await context.NewPageAsync();
            var watch = Stopwatch.StartNew();
            await page.GotoAsync("http://bench.cairn/empty.html", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            var emptyMs = watch.Elapsed.TotalMilliseconds;
            await page.CloseAsync();

            page = await context.NewPageAsync();
            // --profile: V8's sampling profiler over the last page load and draw (self time per function, top 15).
            var cdp = profile && run == runs ? await context.NewCDPSessionAsync(page) : null;
            if (cdp is not null)
            {
                await cdp.SendAsync("Profiler.enable");
                await cdp.SendAsync("Profiler.setSamplingInterval", new Dictionary<string, object> { ["interval"] = 250 });
                await cdp.SendAsync("Profiler.start");
            }
            watch.Restart();
            await page.GotoAsync("http://bench.cairn/graph.html", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            await page.WaitForFunctionAsync("() => window.renderMs !== undefined", null, new PageWaitForFunctionOptions { Timeout = 120_000, PollingInterval = 5 });
            var totalMs = watch.Elapsed.TotalMilliseconds;
            if (cdp is not null && await cdp.SendAsync("Profiler.stop") is { } stopped) PrintProfile(stopped.GetProperty("profile"), pages, output);
            var inPage = await page.EvaluateAsync<double>("() => window.renderMs");
            drawn = await page.EvaluateAsync<int>("() => window.drawn");
            var measured = await page.EvaluateAsync<JsonElement>("() => window.parts");
            await page.CloseAsync();
            if (run == 0) continue; // warm-up: browser start, caches
            foreach (var m in measured.EnumerateArray())
            {
                var name = m[0].GetString()!;
                if (!parts.TryGetValue(name, out var list)) parts[name] = list = [];
                list.Add(m[1].GetDouble());
            }
            empty.Add(emptyMs);
            loadAndDraw.Add(totalMs);
            draw.Add(inPage);
        }
        var (e, l, d) = (Stats(empty), Stats(loadAndDraw), Stats(draw));
        output.WriteLine($"render in headless Chromium ({Path.GetFileName(chromium)}), folded graph of {view.Nodes.Count} nodes and {view.Edges.Count} edges ({drawn} Cytoscape nodes), view JSON {json.Length / 1024.0:F0} KiB:");
        output.WriteLine($"  empty page load (baseline)           : median {e.Median:F1} ms, best {e.Best:F1} ms");
        output.WriteLine($"  page load + fetch + draw, to painted : median {l.Median:F1} ms, best {l.Best:F1} ms  ({l.Median / e.Median:F1} x the empty page)");
        output.WriteLine($"  draw alone (drawEntityGraph to the second animation frame) : median {d.Median:F1} ms, best {d.Best:F1} ms");
        foreach (var (name, values) in parts)
        {
            var p = Stats(values);
            output.WriteLine($"    {name,-24}: median {p.Median:F1} ms, best {p.Best:F1} ms");
        }
    }

    /// <summary>Self time per function of a V8 CPU profile, largest first, each with a few characters of the code it starts at (Cytoscape is minified).</summary>
    private static void PrintProfile(JsonElement profile, Dictionary<string, (string Type, byte[] Body)> pages, TextWriter output)
    {
        var nodes = profile.GetProperty("nodes").EnumerateArray().ToList();
        var deltas = profile.GetProperty("timeDeltas").EnumerateArray().Select(d => d.GetDouble()).ToList();
        var samples = profile.GetProperty("samples").EnumerateArray().Select(x => x.GetInt32()).ToList();
        var selfMs = new Dictionary<int, double>();
        for (var i = 0; i + 1 < samples.Count; i++) selfMs[samples[i]] = selfMs.GetValueOrDefault(samples[i]) + deltas[i + 1] / 1000.0;
        var byFunction = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            var frame = node.GetProperty("callFrame");
            var url = frame.GetProperty("url").GetString() ?? "";
            var path = url.Length == 0 ? "" : new Uri(url).AbsolutePath;
            var column = frame.GetProperty("columnNumber").GetInt32();
            var line = frame.GetProperty("lineNumber").GetInt32();
            var code = "";
            if (pages.TryGetValue(path, out var source) && column >= 0)
            {
                var lines = Encoding.UTF8.GetString(source.Body).Split('\n');
                if (line >= 0 && line < lines.Length) code = new string(lines[line].Skip(column).Take(70).ToArray());
            }
            var name = $"{frame.GetProperty("functionName").GetString() switch { null or "" => "(anonymous)", var f => f }} {Path.GetFileName(path)}:{line + 1}:{column + 1} {code}";
            byFunction[name] = byFunction.GetValueOrDefault(name) + selfMs.GetValueOrDefault(node.GetProperty("id").GetInt32());
        }
        output.WriteLine($"  CPU profile of the last page load and draw: {byFunction.Values.Sum():F0} ms sampled, top functions by self time:");
        foreach (var (name, ms) in byFunction.OrderByDescending(x => x.Value).Take(15)) output.WriteLine($"    {ms,8:F1} ms  {name}");
    }

    /// <summary>The baseline: one pass over the same endpoints, every amount parsed and added and every step's recipient read.</summary>
    private static int PlainPass(EthTraceResult result)
    {
        var total = BigInteger.Zero;
        var steps = 0;
        foreach (var endpoint in result.Endpoints)
        {
            total += BigInteger.Parse(endpoint.Amount, CultureInfo.InvariantCulture);
            foreach (var path in endpoint.Paths)
                foreach (var step in path)
                    steps += step.To.Length > 0 ? 1 : 0;
        }
        return steps + (total.IsZero ? 0 : 1);
    }

    /// <summary>What the saved trace keeps for its graph (as TraceParts does), then folded by the graph endpoint.</summary>
    private static TraceGraphData GraphData(TraceEntities entities)
    {
        var asset = TraceAsset.Ether;
        var views = EntityViews.Of(entities, asset, Valuator.Empty);
        return new TraceGraphData(asset.Names[0], asset.Decimals,
            [.. views.Select(e => new TraceGraphData.Entity(e.EntityId, e.Kind, e.Label, e.Category, e.Jurisdictions, e.BaseUnits, e.Received, e.ValueUsd, e.ValueEur,
                e.FirstSeen, e.LastSeen, e.Sanctioned, e.Seed, e.Addresses, e.Endpoints))],
            [.. entities.Members.Select(m => new TraceGraphData.Member(m.Key, m.EntityId, m.Amount.ToString(CultureInfo.InvariantCulture), m.Sanctioned, m.Seed))],
            [.. EntityViews.Flows(entities.AddressFlows, asset, Valuator.Empty).Select(f => new TraceGraphData.Flow(f.From, f.To, f.Amount, f.FirstSeen, f.LastSeen, f.ValueUsd, f.ValueEur))]);
    }

    /// <summary>A deterministic trace: the seed pays through a pool of 2,000 hop addresses to <paramref name="count"/> endpoints.</summary>
    private static (EthTraceResult Result, Dictionary<string, EthAttribution> Attribution) Generate(int count, Random random)
    {
        static string Address(int kind, int i) => "0x" + kind.ToString("x2", CultureInfo.InvariantCulture) + i.ToString("x38", CultureInfo.InvariantCulture);
        string[] categories = ["exchange", "exchange", "exchange", "mixing_service", "gambling", "defi_bridge", "market"];
        var states = Enumerable.Range(0, 25).Select(i => $"{(char)('A' + i)}{(char)('Z' - i)}").ToArray();
        var attribution = new Dictionary<string, EthAttribution>(StringComparer.Ordinal);
        var start = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var endpoints = new List<EthTraceEndpoint>(count);
        var total = BigInteger.Zero;
        for (var i = 0; i < count; i++)
        {
            var address = Address(1, i);
            if (random.NextDouble() < 0.35)
            {
                var actor = random.Next(300);
                attribution[address] = new EthAttribution($"actor-{actor}", categories[actor % categories.Length], [states[actor % states.Length]], 0.9) { Label = $"Service {actor}" };
            }
            var amount = new BigInteger(random.NextInt64(1_000_000_000_000, 5_000_000_000_000_000_000));
            total += amount;
            var paths = new List<IReadOnlyList<EthTraceStep>>();
            for (var p = random.Next(1, 4); p > 0; p--)
            {
                var steps = new List<EthTraceStep>();
                var time = start + random.Next(0, 60 * 86_400);
                for (var h = random.Next(0, 4); h > 0; h--)
                {
                    time += random.Next(60, 86_400);
                    steps.Add(new EthTraceStep("0x" + random.NextInt64().ToString("x64", CultureInfo.InvariantCulture), Address(2, random.Next(2_000)), "0") { Timestamp = time });
                }
                steps.Add(new EthTraceStep("0x" + random.NextInt64().ToString("x64", CultureInfo.InvariantCulture), address, amount.ToString(CultureInfo.InvariantCulture)) { Timestamp = time + 60 });
                paths.Add(steps);
            }
            var found = attribution.GetValueOrDefault(address);
            endpoints.Add(new EthTraceEndpoint(address, found?.Actor, found?.Category, found?.Jurisdictions ?? [], found?.Confidence, amount.ToString(CultureInfo.InvariantCulture), 0,
                paths.Max(p => p.Count), found is null ? "unspent" : "attributed_service", paths));
        }
        var result = new EthTraceResult(Address(0, 0), "ETH", null, 18, "fifo", total.ToString(CultureInfo.InvariantCulture), endpoints, [], [], count * 3L);
        return (result, attribution);
    }

    private sealed class KnownAttribution(Dictionary<string, EthAttribution> known) : IEthAttributionLookup
    {
        public EthAttribution? Lookup(string lowerCaseAddress) => known.GetValueOrDefault(lowerCaseAddress);
    }

    private static (double Median, double Best) Measure(int runs, Func<int> action)
    {
        action(); // warm-up (JIT)
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(action());
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return Stats(times);
    }

    private static (double Median, double Best) Stats(List<double> times)
    {
        times.Sort();
        return (times[times.Count / 2], times[0]);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(Environment.CurrentDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cairn.slnx"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("run from inside the repository");
    }
}
