using System.Diagnostics;
using Cairn.Cases.Agencies;
using Cairn.Cases.Cases;
using Cairn.Chains.Bitcoin;
using Cairn.Index.Bitcoin;
using Cairn.Development.Generation;
using Cairn.Intel.Import;
using Cairn.Intel.Store;
using Cairn.Legal.Requests;
using Cairn.Storage;
using Cairn.Tracing.Tracing;
using Cairn.Storage.Cases;
using Cairn.Storage.Intel;
using Cairn.Storage.Traces;
using Cairn.Workspace.Chain;
using Cairn.Workspace.Legal;
using Cairn.Workspace.Tracing;

namespace Cairn.Development.Demo;

/// <summary>
/// The whole mission on the embedded default, in one call (the README's first command):
/// generate the demo chain with its fictional ransomware case, ingest it, import the demo actors
/// (fictional exchanges in three countries) and the real OFAC lists, open the demo case, trace the
/// ransom through the CoinJoin and peel chain to the exchanges, save the trace, and draft a freezing
/// request and a subscriber-information request to each country. Safe to run again: each step
/// reuses what exists.
/// </summary>
public sealed class DemoPipeline
{
    public const string CaseReference = "DEMO-2026-001";
    public const string Agency = "DEMO-CYBER-UNIT";
    public const string RequestingState = "NL";
    public static readonly IReadOnlyList<string> Measures = ["freeze", "subscriber_info"];

    private static readonly Actor DemoActor = new("demo", Agency);

    private readonly string _dataDirectory;
    private readonly TimeProvider _time;

    public DemoPipeline(string dataDirectory, TimeProvider time)
    {
        _dataDirectory = dataDirectory;
        _time = time;
    }

    public async Task<DemoReport> RunAsync(CairnDatabase database, long transactions, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var clock = Stopwatch.StartNew();
        var blocks = Path.Combine(_dataDirectory, "demo-chain");
        if (!File.Exists(Path.Combine(blocks, ScenarioManifest.FileName)))
        {
            progress?.Report($"generating the demo chain ({transactions:N0} transactions)");
            ChainGenerator.Generate(new ChainGeneratorOptions { Transactions = transactions, Seed = 2026, OutputDirectory = blocks });
        }
        var scenario = ScenarioManifest.Load(Path.Combine(blocks, ScenarioManifest.FileName));
        var ransomware = scenario.Ransomware ?? throw new Core.CairnException($"{blocks}: the demo chain has no ransomware case");

        progress?.Report("ingesting it into the chain index");
        using var chains = new ChainIndexes(_dataDirectory);
        using (var writer = BitcoinIndexWriter.Open(chains.Directory, Network.RegTest))
            new BitcoinIngest(writer).FromBlockFiles(blocks);

        progress?.Report("importing the demo actors and the OFAC lists");
        var store = new SqlIntelStore(database, DemoActor);
        await ImportIntelAsync(new IntelService(store, _time), scenario, cancellationToken).ConfigureAwait(false);

        progress?.Report("opening the demo case and tracing the ransom");
        var cases = new SqlCaseStore(database);
        var existing = await cases.ListAsync(DemoActor, cancellationToken).ConfigureAwait(false);
        if (existing.All(c => c.Reference != CaseReference))
        {
            var opened = await cases.CreateAsync(DemoActor, new NewCase(CaseReference, $"{ransomware.Family} ransomware payment", "ransomware"), cancellationToken).ConfigureAwait(false);
            await cases.UpdateAsync(DemoActor, opened with
            {
                Wallets =
                [
                    new CaseWallet("btc", ransomware.VictimAddress, WalletRole.Victim, "victim (paid the ransom)"),
                    new CaseWallet("btc", ransomware.RansomAddress, WalletRole.Perpetrator, $"{ransomware.Family} ransom address"),
                ],
                Subjects = [new CaseSubject(SubjectKind.Organisation, "Demo Hospital Foundation (fictional victim)", "paid the ransom on the demo chain")],
            }, cancellationToken).ConfigureAwait(false);
        }

        var traces = new SqlTraceStore(database);
        var saved = await traces.ListAsync(DemoActor, CaseReference, cancellationToken).ConfigureAwait(false);
        TraceReport report;
        if (saved.Count == 0)
        {
            var parameters = new TraceParameters { From = [ransomware.RansomAddress], Model = "haircut", MaxHops = 25, ThroughCoinjoin = true };
            var result = await new TraceService(chains, store).RunAsync(parameters, cancellationToken).ConfigureAwait(false);
            report = TraceReport.From(result);
            var trace = await traces.SaveAsync(DemoActor, CaseReference, "btc", "Ransom payment forward (haircut, through CoinJoin)",
                TraceRequestJson.Serialize(SavedTrace.Of(result)), report.TipHeight, report.TipHash, TraceJson.Serialize(report), cancellationToken).ConfigureAwait(false);
            await TraceEvidence.AttachAsync(database, DemoActor, CaseReference, trace, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var latest = await traces.GetAsync(DemoActor, CaseReference, saved[0].Id, cancellationToken).ConfigureAwait(false);
            report = TraceJson.DeserializeReport(latest.ResultJson!);
        }

        progress?.Report("drafting the requests to each country");
        var legal = new LegalRequestService(database, Cairn.Legal.Loading.LegalDataLoader.LoadEmbedded(), _time);
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

    private static async Task ImportIntelAsync(IntelService intel, ScenarioManifest scenario, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("cairn-demo-intel-");
        try
        {
            var (actorPack, tagPack) = ScenarioPacks.ToPacks(scenario);
            var actorsPath = Path.Combine(folder.FullName, "demo-actors.yaml");
            var tagsPath = Path.Combine(folder.FullName, "demo-tags.yaml");
            await File.WriteAllTextAsync(actorsPath, actorPack, cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(tagsPath, tagPack, cancellationToken).ConfigureAwait(false);
            await intel.ImportActorPacksAsync([actorsPath], ImportOptions.Default, cancellationToken).ConfigureAwait(false);
            await intel.ImportTagPacksAsync([tagsPath], ImportOptions.Default, cancellationToken).ConfigureAwait(false);
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
            await intel.ImportOfacAsync(lists, ImportOptions.Default, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
