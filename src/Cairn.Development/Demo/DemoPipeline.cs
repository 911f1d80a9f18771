using System.Diagnostics;
using Cairn.Cases.Agencies;
using Cairn.Cases.Cases;
using Cairn.Chains.Bitcoin;
using Cairn.Development.Generation;
using Cairn.Intel.Import;
using Cairn.Intel.Store;
using Cairn.Legal.Requests;
using Cairn.Workspace;
using Cairn.Workspace.Cases;
using Cairn.Workspace.Chain;
using Cairn.Workspace.Intel;
using Cairn.Workspace.Legal;
using Cairn.Workspace.Tracing;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Development.Demo;

/// <summary>
/// The whole mission on the embedded default, in one call (the README's first command):
/// generate the demo chain with its fictional ransomware case, ingest it, import the demo actors
/// (fictional exchanges in three countries) and the real OFAC lists, open the demo case, trace the
/// ransom through the CoinJoin and peel chain to the exchanges, save the trace, and draft a freezing
/// request and a subscriber-information request to each country. Every step is a call into the
/// application (Cairn.Workspace), as the CLI and the server make them. Safe to run again: each step
/// reuses what exists.
/// </summary>
public sealed class DemoPipeline
{
    public const string CaseReference = "DEMO-2026-001";
    public const string Agency = "DEMO-CYBER-UNIT";
    public const string RequestingState = "NL";
    public static readonly IReadOnlyList<string> Measures = ["freeze", "subscriber_info"];

    private static readonly Actor DemoActor = new("demo", Agency);

    private readonly IServiceProvider _services;
    private readonly WorkspaceOptions _options;

    public DemoPipeline(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
        _options = services.GetRequiredService<WorkspaceOptions>();
    }

    /// <summary>Builds the demo in <paramref name="dataDirectory"/> with an application of its own (for tests and benchmarks).</summary>
    public static Task<DemoReport> RunAsync(string dataDirectory, TimeProvider time, long transactions, IProgress<string>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(new WorkspaceOptions { DataDirectory = dataDirectory, Time = time }, transactions, progress, cancellationToken);

    /// <summary>Builds the demo in the installation <paramref name="options"/> describes (e.g. on PostgreSQL) with an application of its own.</summary>
    public static async Task<DemoReport> RunAsync(WorkspaceOptions options, long transactions, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var services = new ServiceCollection().AddCairnWorkspace(options).BuildServiceProvider();
        return await new DemoPipeline(services).RunAsync(transactions, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A fresh installation with data to work on: the demo chain ingested and the demo actors and OFAC
    /// lists imported, but no case, request or account (end-to-end tests start each role from here).
    /// </summary>
    public static async Task<ScenarioManifest> PrepareAsync(string dataDirectory, TimeProvider time, long transactions, CancellationToken cancellationToken = default)
    {
        await using var services = new ServiceCollection().AddCairnWorkspace(new WorkspaceOptions { DataDirectory = dataDirectory, Time = time }).BuildServiceProvider();
        return await new DemoPipeline(services).PrepareAsync(transactions, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The chain and intelligence steps of <see cref="RunAsync(long, IProgress{string}?, CancellationToken)"/>: generate, ingest, import.</summary>
    public async Task<ScenarioManifest> PrepareAsync(long transactions, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var blocks = Path.Combine(_options.DataDirectory, "demo-chain");
        if (!File.Exists(Path.Combine(blocks, ScenarioManifest.FileName)))
        {
            progress?.Report($"generating the demo chain ({transactions:N0} transactions)");
            ChainGenerator.Generate(new ChainGeneratorOptions { Transactions = transactions, Seed = 2026, OutputDirectory = blocks });
        }
        var scenario = ScenarioManifest.Load(Path.Combine(blocks, ScenarioManifest.FileName));
        progress?.Report("ingesting it into the chain index");
        await _services.GetRequiredService<ChainService>().IngestBitcoinAsync(new BitcoinIngestRequest(blocks, null, Network: "regtest"), cancellationToken: cancellationToken).ConfigureAwait(false);
        progress?.Report("importing the demo actors and the OFAC lists");
        await ImportIntelAsync(_services.GetRequiredService<IntelligenceService>(), scenario, cancellationToken).ConfigureAwait(false);
        return scenario;
    }

    public async Task<DemoReport> RunAsync(long transactions, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var scenario = await PrepareAsync(transactions, progress, cancellationToken).ConfigureAwait(false);
        var ransomware = scenario.Ransomware ?? throw new Core.CairnException("the demo chain has no ransomware case");

        progress?.Report("importing the demo's fictional BTC rates in USD and EUR");
        await ImportDemoRatesAsync(_services.GetRequiredService<Workspace.Valuation.RateService>(), cancellationToken).ConfigureAwait(false);

        progress?.Report("opening the demo case and tracing the ransom");
        var cases = _services.GetRequiredService<CaseService>();
        var existing = await cases.ListAsync(DemoActor, Core.Paging.PageRequest.All, cancellationToken).ConfigureAwait(false);
        if (existing.Items.All(c => c.Reference != CaseReference))
        {
            await cases.CreateAsync(DemoActor, new NewCaseRequest(CaseReference, $"{ransomware.Family} ransomware payment", "ransomware"), cancellationToken).ConfigureAwait(false);
            await cases.ChangeAsync(DemoActor, CaseReference, null, opened => opened with
            {
                Wallets =
                [
                    new CaseWallet("btc", ransomware.VictimAddress, WalletRole.Victim, "victim (paid the ransom)"),
                    new CaseWallet("btc", ransomware.RansomAddress, WalletRole.Perpetrator, $"{ransomware.Family} ransom address"),
                ],
                Subjects = [new CaseSubject(SubjectKind.Organisation, "Demo Hospital Foundation (fictional victim)", "paid the ransom on the demo chain")],
            }, cancellationToken).ConfigureAwait(false);
        }

        var traces = _services.GetRequiredService<TraceService>();
        var report = (await traces.LatestAsync(DemoActor, CaseReference, cancellationToken).ConfigureAwait(false))?.Report;
        if (report is null)
        {
            var parameters = new TraceParameters { From = [ransomware.RansomAddress], Model = "haircut", MaxHops = 25, ThroughCoinjoin = true };
            var saved = await traces.SaveAsync(DemoActor, CaseReference, new SaveTraceRequest("Ransom payment forward (haircut, through CoinJoin)", parameters), cancellationToken).ConfigureAwait(false);
            await traces.AttachAsEvidenceAsync(DemoActor, CaseReference, saved.Trace.Id, cancellationToken).ConfigureAwait(false);
            report = saved.Report!;
        }

        progress?.Report("drafting the requests to each country");
        var legal = _services.GetRequiredService<LegalRequestService>();
        var requests = await legal.ListAsync(DemoActor, CaseReference, cancellationToken).ConfigureAwait(false);
        var unroutable = new List<string>();
        if (requests.Count == 0)
        {
            var drafted = await legal.DraftAsync(DemoActor, new DraftInput(CaseReference, RequestingState, TraceFindings.From(report), Measures, Urgent: true,
                RequestingAuthority: "Demo Cyber Unit (fictional)", OffenceSummary: $"{ransomware.Family} ransomware extortion; ransom paid in transaction {ransomware.RansomTxId}", OffenceType: "ransomware"), cancellationToken).ConfigureAwait(false);
            requests = drafted.Drafts;
            unroutable.AddRange(drafted.Unroutable);
        }
        return new DemoReport(scenario, report, requests, unroutable, clock.Elapsed);
    }

    /// <summary>The source every demo rate is cited with: the demo chain is fictional, so are its prices.</summary>
    public const string DemoRateSource = "Cairn demo: fictional rates for the fictional demo chain, not market data";

    /// <summary>
    /// Daily BTC rates in USD and EUR over the demo chain's days (its blocks start at 2023-11-14), a
    /// smooth made-up curve so the demo shows values at the transaction's date. Real cases import
    /// published rates (docs/valuation.md); nothing here is market data.
    /// </summary>
    private static async Task ImportDemoRatesAsync(Workspace.Valuation.RateService rates, CancellationToken cancellationToken)
    {
        if ((await rates.ListAsync(cancellationToken).ConfigureAwait(false)).Count > 0) return;
        var folder = Directory.CreateTempSubdirectory("cairn-demo-rates-");
        try
        {
            var first = new DateOnly(2023, 11, 1);
            foreach (var (currency, factor) in new[] { ("USD", 1.0m), ("EUR", 0.92m) })
            {
                var lines = new List<string> { "date,rate" };
                for (var day = 0; day < 400; day++)
                {
                    var usd = 36_000m + 40m * day + 1_500m * (decimal)Math.Sin(day / 9.0);
                    lines.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{first.AddDays(day):yyyy-MM-dd},{Math.Round(usd * factor, 2)}"));
                }
                var path = Path.Combine(folder.FullName, $"demo-btc-{currency.ToLowerInvariant()}.csv");
                await File.WriteAllLinesAsync(path, lines, cancellationToken).ConfigureAwait(false);
                await rates.ImportAsync(DemoActor, new Workspace.Valuation.RateImportRequest("BTC", currency, DemoRateSource, path), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task ImportIntelAsync(IntelligenceService intel, ScenarioManifest scenario, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("cairn-demo-intel-");
        try
        {
            var (actorPack, tagPack) = ScenarioPacks.ToPacks(scenario);
            var actorsPath = Path.Combine(folder.FullName, "demo-actors.yaml");
            var tagsPath = Path.Combine(folder.FullName, "demo-tags.yaml");
            await File.WriteAllTextAsync(actorsPath, actorPack, cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(tagsPath, tagPack, cancellationToken).ConfigureAwait(false);
            await intel.ImportAsync(DemoActor, new IntelImportRequest("actorpack", [actorsPath]), cancellationToken).ConfigureAwait(false);
            await intel.ImportAsync(DemoActor, new IntelImportRequest("tagpack", [tagsPath]), cancellationToken).ConfigureAwait(false);
            var lists = new List<string>();
            var assembly = typeof(DemoPipeline).Assembly;
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("ofac/", StringComparison.Ordinal)))
            {
                var path = Path.Combine(folder.FullName, name["ofac/".Length..]);
                await using (var resource = assembly.GetManifestResourceStream(name)!)
                await using (var file = File.Create(path))
                    await resource.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                lists.Add(path);
            }
            await intel.ImportAsync(DemoActor, new IntelImportRequest("ofac", lists), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
