using Cairn.Cases.Agencies;
using Cairn.Cases.Cases;
using Cairn.Cases.Custody;
using Cairn.Cases.Evidence;
using Cairn.Cases.Traces;
using Cairn.Chains;
using Cairn.Core;
using Cairn.Core.Paging;
using Cairn.Intel.Store;
using Cairn.Tracing.Clustering;
using Cairn.Tracing.Entities;
using Cairn.Tracing.Ethereum;
using Cairn.Tracing.Paths;
using Cairn.Tracing.Tracing;
using Cairn.Workspace.Chain;
using Cairn.Workspace.Evidence;
using Cairn.Workspace.Valuation;

namespace Cairn.Workspace.Tracing;

/// <summary>
/// Following funds on any traceable chain of the registry: an unsaved trace (the UTXO tracer for
/// UTXO chains, the account tracer for EVM chains), a case's saved traces (run, list, read, re-run to
/// show the result still stands, attach as evidence), the multi-input cluster of an address and
/// shortest paths between addresses. Attribution comes from <see cref="AttributionProvider"/>.
/// </summary>
public sealed partial class TraceService
{
    private readonly ChainIndexes _chains;
    private readonly AttributionProvider _attribution;
    private readonly ITraceStore _traces;
    private readonly ICaseStore _cases;
    private readonly EvidenceService _evidence;
    private readonly RateService _rates;
    private readonly IIntelStore _intel;

    public TraceService(ChainIndexes chains, AttributionProvider attribution, ITraceStore traces, ICaseStore cases, EvidenceService evidence, RateService rates, IIntelStore intel)
    {
        _rates = rates;
        _intel = intel;
        _chains = chains;
        _attribution = attribution;
        _traces = traces;
        _cases = cases;
        _evidence = evidence;
    }

    /// <summary>
    /// A trace on a UTXO chain (<see cref="TraceParameters.Chain"/>: btc, ltc, bch, doge) over its index, attributed per
    /// <paramref name="attribution"/> (the installation's intelligence by default), with its entities valued in USD and EUR;
    /// with <paramref name="fiat"/> every endpoint also carries its value in that currency.
    /// </summary>
    public async Task<TraceReport> TraceBitcoinAsync(TraceParameters parameters, TraceAttribution? attribution = null, string? fiat = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var currency = fiat is null ? null : RateService.Currency(fiat, "fiat");
        var request = parameters.ToRequest();
        var chain = parameters.Definition();
        var (result, entities) = await RunWithEntitiesAsync(chain, request, attribution ?? TraceAttribution.Standard, cancellationToken).ConfigureAwait(false);
        return TraceReport.From(result, entities, await _rates.ValuatorAsync(cancellationToken).ConfigureAwait(false), currency, chain.Id);
    }

    /// <summary>A trace on an account chain (eth, bsc, polygon, arbitrum, base) over its index, attributed from the same intelligence, with its entities.</summary>
    public async Task<EthTraceReport> TraceEthereumAsync(TraceParameters parameters, TraceAttribution? attribution = null, string? fiat = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var currency = fiat is null ? null : RateService.Currency(fiat, "fiat");
        return await RunAccountAsync(parameters.Definition(), parameters.ToEthRequest(), attribution ?? TraceAttribution.Standard, currency, cancellationToken).ConfigureAwait(false);
    }

    private async Task<EthTraceReport> RunAccountAsync(ChainDefinition chain, EthTraceRequest request, TraceAttribution attribution, string? fiat, CancellationToken cancellationToken)
    {
        var (report, _) = await RunAccountWithEntitiesAsync(chain, request, attribution, fiat, cancellationToken).ConfigureAwait(false);
        return report;
    }

    private async Task<(EthTraceReport Report, TraceEntities Entities)> RunAccountWithEntitiesAsync(ChainDefinition chain, EthTraceRequest request, TraceAttribution attribution, string? fiat,
        CancellationToken cancellationToken)
    {
        var index = _chains.Account(chain);
        var lookup = await _attribution.EthereumAsync(attribution, chain.Id, cancellationToken).ConfigureAwait(false);
        var result = EthereumTracer.Trace(index, request, lookup);
        var entities = EthereumEntities.Build(result, lookup);
        return (EthTraceReport.From(index, request, result, entities, await _rates.ValuatorAsync(cancellationToken).ConfigureAwait(false), fiat, chain.Id), entities);
    }

    /// <summary>Runs a domain request as it stands (a saved trace's full request, every bound included) on Bitcoin's current index.</summary>
    public Task<TraceResult> RunAsync(TraceRequest request, TraceAttribution attribution, CancellationToken cancellationToken = default) =>
        RunAsync(ChainRegistry.Bitcoin, request, attribution, cancellationToken);

    /// <summary>Runs a domain request on the current index of UTXO chain <paramref name="chain"/>.</summary>
    public async Task<TraceResult> RunAsync(ChainDefinition chain, TraceRequest request, TraceAttribution attribution, CancellationToken cancellationToken = default) =>
        (await RunWithEntitiesAsync(chain, request, attribution, cancellationToken, entities: false).ConfigureAwait(false)).Result;

    /// <summary>Runs a domain request on UTXO chain <paramref name="chain"/> and groups what it met into entities.</summary>
    public async Task<(TraceResult Result, TraceEntities? Entities)> RunWithEntitiesAsync(ChainDefinition chain, TraceRequest request, TraceAttribution attribution,
        CancellationToken cancellationToken = default, bool entities = true)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(request);
        var index = _chains.Utxo(chain);
        var clusters = _chains.Clusters(chain);
        var lifted = await _attribution.BitcoinAsync(index, clusters, attribution, cancellationToken).ConfigureAwait(false);
        var result = new Tracer(index, clusters, lifted).Trace(request);
        return (result, entities ? BitcoinEntities.Build(result, index, clusters, lifted) : null);
    }

    /// <summary>
    /// Runs a trace (either chain) and keeps it with the case: the full request (every bound, not only
    /// what was typed: what a re-run needs), the chain tip it ran on, the report, and the report's parts
    /// as rows (summary, entities, endpoints, members, heuristics, graph) for paging; logged as "trace.save".
    /// </summary>
    public async Task<SavedTraceView> SaveAsync(Actor actor, string caseReference, SaveTraceRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var parameters = (body.Request ?? throw new ValidationException("request", "field 'request' is required")).Normalized();
        var chain = parameters.Definition();
        // Visibility first: a trace can take seconds, and another agency must learn nothing from one.
        await _cases.GetAsync(actor, caseReference, cancellationToken).ConfigureAwait(false);
        var valuator = await _rates.ValuatorAsync(cancellationToken).ConfigureAwait(false);
        if (parameters.IsEthereum)
        {
            var request = parameters.ToEthRequest();
            var (eth, entities) = await RunAccountWithEntitiesAsync(chain, request, TraceAttribution.Standard, null, cancellationToken).ConfigureAwait(false);
            var title = string.IsNullOrWhiteSpace(body.Title) ? $"{eth.Request.Model} {eth.Asset} from {eth.Seed}" : body.Title.Trim();
            var stored = await _traces.SaveAsync(actor, caseReference, chain.Id, title, EthTraceRequestJson.Serialize(request, eth.TipBlock, eth.TipHash),
                eth.TipBlock ?? 0, eth.TipHash ?? "", TraceJson.Serialize(eth), cancellationToken).ConfigureAwait(false);
            await _traces.AddItemsAsync(actor, caseReference, stored.Id, TraceParts.Of(eth, entities, valuator), cancellationToken).ConfigureAwait(false);
            return new SavedTraceView(stored with { ResultJson = null }, null, eth);
        }
        var (btcResult, btcEntities) = await RunWithEntitiesAsync(chain, parameters.ToRequest(), TraceAttribution.Standard, cancellationToken).ConfigureAwait(false);
        var report = TraceReport.From(btcResult, btcEntities, valuator, null, chain.Id);
        var btcTitle = string.IsNullOrWhiteSpace(body.Title) ? $"{report.Request.Model} {report.Request.Direction} from {string.Join(", ", report.Request.From)}" : body.Title.Trim();
        var saved = await _traces.SaveAsync(actor, caseReference, report.Chain, btcTitle, TraceRequestJson.Serialize(SavedTrace.Of(btcResult, chain.Id)),
            report.TipHeight, report.TipHash, TraceJson.Serialize(report), cancellationToken).ConfigureAwait(false);
        await _traces.AddItemsAsync(actor, caseReference, saved.Id, TraceParts.Of(report, btcEntities!, valuator), cancellationToken).ConfigureAwait(false);
        return new SavedTraceView(saved with { ResultJson = null }, report);
    }

    /// <summary>One page of the case's saved traces, newest first (logged as "trace.list").</summary>
    public Task<Page<CaseTrace>> ListAsync(Actor actor, string caseReference, PageRequest page, CancellationToken cancellationToken = default) =>
        _traces.ListAsync(actor, caseReference, page, cancellationToken);

    /// <summary>A saved trace with its report (logged as "trace.read").</summary>
    public async Task<SavedTraceView> GetAsync(Actor actor, string caseReference, string traceId, CancellationToken cancellationToken = default)
    {
        var saved = await _traces.GetAsync(actor, caseReference, traceId, cancellationToken).ConfigureAwait(false);
        return ChainRegistry.Find(saved.Chain)?.Family == ChainFamily.Account
            ? new SavedTraceView(saved with { ResultJson = null }, null, TraceJson.DeserializeEthReport(saved.ResultJson!))
            : new SavedTraceView(saved with { ResultJson = null }, TraceJson.DeserializeReport(saved.ResultJson!));
    }

    /// <summary>The newest saved trace of a case (with its report), or null when it has none.</summary>
    public async Task<SavedTraceView?> LatestAsync(Actor actor, string caseReference, CancellationToken cancellationToken = default)
    {
        var newest = (await _traces.ListAsync(actor, caseReference, new PageRequest(0, 1), cancellationToken).ConfigureAwait(false)).Items;
        return newest.Count == 0 ? null : await GetAsync(actor, caseReference, newest[0].Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a saved trace's full request again on the current index and compares: the same result at
    /// the same tip is what makes a trace defensible; a moved tip is said, not hidden. Fiat values are
    /// left out of the comparison (rate tables imported since change them, not the trace) and said when they differ.
    /// </summary>
    public async Task<RerunComparison> RerunAsync(Actor actor, string caseReference, string traceId, CancellationToken cancellationToken = default)
    {
        var saved = await _traces.GetAsync(actor, caseReference, traceId, cancellationToken).ConfigureAwait(false);
        var valuator = await _rates.ValuatorAsync(cancellationToken).ConfigureAwait(false);
        string again;
        long tipHeight;
        string tipHash;
        var sameIgnoringRates = false;
        var ratesChanged = false;
        if (ChainRegistry.Find(saved.Chain)?.Family == ChainFamily.Account)
        {
            var report = await RunAccountAsync(ChainRegistry.Get(saved.Chain), EthTraceRequestJson.Deserialize(saved.RequestJson), TraceAttribution.Standard, null, cancellationToken).ConfigureAwait(false);
            again = TraceJson.Serialize(report);
            (tipHeight, tipHash) = (report.TipBlock ?? 0, report.TipHash ?? "");
        }
        else
        {
            var stored = TraceRequestJson.Deserialize(saved.RequestJson);
            var chain = ChainRegistry.Get(stored.Chain);
            var (result, entities) = await RunWithEntitiesAsync(chain, stored.Request, TraceAttribution.Standard, cancellationToken).ConfigureAwait(false);
            var report = TraceReport.From(result, entities, valuator, null, chain.Id);
            again = TraceJson.Serialize(report);
            (tipHeight, tipHash) = (report.TipHeight, report.TipHash);
            // The quoted error rates come with the build: compare the trace itself, and say when the figures moved. A result equal
            // to the saved one to the byte (the usual rerun: same index, same build) is the same trace with the same rates, and needs
            // neither comparison: each reads and writes the whole report again (2 MB for the demo's 25-hop trace).
            if (again != saved.ResultJson)
            {
                var savedReport = TraceJson.DeserializeReport(saved.ResultJson!);
                sameIgnoringRates = TraceJson.WithoutFiat(TraceJson.Serialize(report.WithoutErrorRates())) == TraceJson.WithoutFiat(TraceJson.Serialize(savedReport.WithoutErrorRates()));
                ratesChanged = TraceJson.Serialize(report.Heuristics) != TraceJson.Serialize(savedReport.Heuristics);
            }
        }
        var sameTip = tipHeight == saved.TipHeight && tipHash == saved.TipHash;
        var identical = again == saved.ResultJson;
        var sameTrace = identical || sameIgnoringRates || TraceJson.WithoutFiat(again) == TraceJson.WithoutFiat(saved.ResultJson!);
        var notes = new List<string>();
        if (!sameTip) notes.Add($"the index moved from height {saved.TipHeight} to {tipHeight}: later spends can change a forward trace");
        if (sameTrace && !identical && !ratesChanged) notes.Add("same trace; fiat values differ because rate tables were imported since it was saved");
        if (sameTrace && ratesChanged) notes.Add("the heuristics' error rates quoted now differ from those saved with the trace (re-measured or added since)");
        return new RerunComparison(sameTrace, sameTip, saved.ResultSha256, CustodyRecord.HashOf(again), notes.Count == 0 ? null : string.Join("; ", notes)) { ErrorRatesChanged = ratesChanged };
    }

    /// <summary>
    /// Attaches a saved trace's result (either chain) to its case as an evidence file (stored by SHA-256
    /// with its custody entry), so a package for a court or a foreign authority carries what the trace
    /// showed and the request and chain tip it ran on.
    /// </summary>
    public async Task<EvidenceItem> AttachAsEvidenceAsync(Actor actor, string caseReference, string traceId, CancellationToken cancellationToken = default)
    {
        var trace = await _traces.GetAsync(actor, caseReference, traceId, cancellationToken).ConfigureAwait(false);
        var folder = Directory.CreateTempSubdirectory("cairn-trace-");
        try
        {
            var path = Path.Combine(folder.FullName, $"trace-{trace.Id}.json");
            await File.WriteAllTextAsync(path, trace.ResultJson, cancellationToken).ConfigureAwait(false);
            var tip = ChainRegistry.Find(trace.Chain)?.Family == ChainFamily.Account ? $"block {trace.TipHeight} {trace.TipHash}" : $"tip {trace.TipHeight} {trace.TipHash}";
            return await _evidence.AddFileAsync(actor, caseReference, path, "trace-export",
                $"Cairn {trace.Chain} trace {trace.Id} ({tip}), request {trace.RequestJson}{(ChainRegistry.Find(trace.Chain)?.Family == ChainFamily.Account ? "" : "; " + HeuristicsLine(trace.ResultJson!))}",
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// What the evidence description says of the heuristics the trace relied on: each rule with its
    /// precision on the strongest evidence measured, and the data set (the file itself holds every figure).
    /// </summary>
    private static string HeuristicsLine(string resultJson)
    {
        var steps = TraceJson.DeserializeReport(resultJson).Heuristics;
        if (steps.Count == 0) return "no heuristic error rates quoted";
        return "heuristics (measured precision, data set): " + string.Join("; ", steps.DistinctBy(s => s.Rule).Select(s =>
            s.Measured.FirstOrDefault(m => m.Precision is not null) is { } rate
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.Rule} {rate.Precision * 100:0.0} % [{rate.PrecisionInterval!.Low * 100:0.0}–{rate.PrecisionInterval.High * 100:0.0}] n={rate.PrecisionSupport} on {rate.DataSet} as of {rate.FiguresMeasuredAt}")
                : $"{s.Rule} not measured"));
    }

    /// <summary>The multi-input cluster of <paramref name="address"/> on UTXO chain <paramref name="chain"/> (default btc): id, size, attribution and one page of its addresses.</summary>
    public async Task<ClusterView> ClusterAsync(string address, PageRequest page, TraceAttribution? attribution = null, bool rebuild = false, CancellationToken cancellationToken = default, string chain = "btc")
    {
        ArgumentNullException.ThrowIfNull(page);
        var text = ValidationException.Required(address, "address");
        var definition = ChainService.Require(chain, ChainFamily.Utxo);
        var index = _chains.Utxo(definition);
        var clusters = rebuild ? _chains.RebuildClusters(definition) : _chains.Clusters(definition);
        var addressId = SeedResolver.FindAddress(index, text);
        var clusterId = clusters.ClusterOf(addressId);
        var lifted = await _attribution.BitcoinAsync(index, clusters, attribution ?? TraceAttribution.Standard, cancellationToken).ConfigureAwait(false);
        var tag = lifted?.LookupCluster(clusterId) ?? lifted?.Lookup(addressId);
        var size = clusters.SizeOf(clusterId);
        var members = clusters.Members(clusterId, page.Offset).Take(page.Limit).Select(index.AddressString).ToList();
        return new ClusterView(clusterId, size, "multi_input", tag is null ? [] : [tag], page.Offset, page.Limit, members,
            page.Offset + members.Count < size ? page.Offset + members.Count : null);
    }

    /// <summary>Shortest value-carrying paths between two addresses (or to the target's cluster).</summary>
    public PathView FindPaths(PathRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var from = ValidationException.Required(request.From, "from");
        var to = ValidationException.Required(request.To, "to");
        var maxHops = request.MaxHops ?? 6;
        if (maxHops is < 1 or > 20) throw new ValidationException("max_hops", $"max_hops {maxHops} is out of range 1–20");
        var byCluster = request.Cluster ?? false;
        var chain = ChainService.Require(request.Chain ?? "btc", ChainFamily.Utxo);
        var index = _chains.Utxo(chain);
        var result = new PathFinder(index, byCluster ? _chains.Clusters(chain) : null).Find(from, to, maxHops, byCluster);
        return new PathView(result.From, result.To, result.MaxHops, result.Paths.Count > 0, result.Paths.Count > 0 ? result.Paths[0].Hops : null,
            result.Paths.Select(p => p.Outputs).ToList(), result.MorePathsExist, result.OutputsVisited, result.VisitLimitHit);
    }
}
