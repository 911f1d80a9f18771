using System.Globalization;
using System.Net.Http.Json;
using System.Numerics;
using Cairn.Cases.Agencies;
using Cairn.Cases.Cases;
using Cairn.Cases.Watchlists;
using Cairn.Chains;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Core;
using Cairn.Core.Json;
using Cairn.Core.Paging;
using Cairn.Legal.Reference;
using Cairn.Legal.Requests;
using Cairn.Legal.Routing;
using Cairn.Tracing.Attribution;
using Cairn.Tracing.Watching;
using Cairn.Workspace.Chain;
using Cairn.Workspace.Legal;
using Cairn.Workspace.Tracing;
using Microsoft.Extensions.Logging;

namespace Cairn.Workspace.Watching;

/// <summary>
/// Watchlists and alerts: a case watches addresses, clusters and services on any ingestible chain of the
/// registry; every ingest (told as an <see cref="IChainIngestListener"/>) evaluates its new transactions against every case's watches of that chain
/// (<see cref="WatchEvaluator"/>), stores the alerts on their cases (alert.raise in the custody log),
/// posts each to the configured webhook, and follows the funds to the addresses they reached. An alert
/// that funds reached a service in a State proposes the urgent route there and drafts it in one call.
/// </summary>
public sealed class WatchService : IChainIngestListener
{
    private static readonly string[] Kinds = [Watch.Address, Watch.Cluster, Watch.Actor];

    private readonly IWatchlistStore _store;
    private readonly ChainIndexes _chains;
    private readonly AttributionProvider _attribution;
    private readonly LegalRequestService _legal;
    private readonly ICaseStore _cases;
    private readonly IHttpClientFactory _http;
    private readonly WorkspaceOptions _options;
    private readonly ILogger<WatchService> _log;
    private readonly TimeProvider _time;

    public WatchService(IWatchlistStore store, ChainIndexes chains, AttributionProvider attribution, LegalRequestService legal, ICaseStore cases, IHttpClientFactory http,
        WorkspaceOptions options, TimeProvider time, ILogger<WatchService> log)
    {
        _time = time;
        _store = store;
        _chains = chains;
        _attribution = attribution;
        _legal = legal;
        _cases = cases;
        _http = http;
        _options = options;
        _log = log;
    }

    /// <summary>Where alerts are posted as JSON: the installation's setting, else <c>CAIRN_ALERT_WEBHOOK</c>; none when both are unset.</summary>
    public string? WebhookUrl => _options.AlertWebhookUrl ?? Environment.GetEnvironmentVariable("CAIRN_ALERT_WEBHOOK");

    public async Task<Watch> AddAsync(Actor actor, string caseReference, WatchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Visibility first: another agency learns nothing, not even which values would be valid.
        await _cases.GetAsync(actor, caseReference, cancellationToken).ConfigureAwait(false);
        var definition = ChainRegistry.Find(ValidationException.Required(request.Chain, "chain").Trim().ToLowerInvariant())
            ?? throw new ValidationException("chain", $"chain '{request.Chain}' is not one of {string.Join(", ", ChainRegistry.All.Select(c => c.Id))}");
        if (!definition.Support.BlockFiles && !definition.Support.Rpc)
            throw new ValidationException("chain", $"{definition.Name} is not ingested, so nothing would ever be checked against the watch: {definition.Limitation}");
        var chain = definition.Id;
        var kind = ValidationException.Required(request.Kind, "kind").Trim().ToLowerInvariant();
        if (!Kinds.Contains(kind)) throw new ValidationException("kind", $"kind '{request.Kind}' is not one of {string.Join(", ", Kinds)}");
        var value = ValidationException.Required(request.Value, "value").Trim();
        if (kind != Watch.Actor) value = AddressOn(definition, value);
        if (kind == Watch.Cluster && definition.Family != ChainFamily.Utxo) throw new ValidationException("kind", $"clusters are multi-input, of UTXO chains; watch a {definition.Name} address instead");
        var threshold = request.Threshold is { Length: > 0 } t
            ? t.Trim().All(char.IsAsciiDigit) ? t.Trim() : throw new ValidationException("threshold", $"threshold '{t}' is not a whole number of base units")
            : null;
        return await _store.AddAsync(actor, caseReference, new Watch
        {
            Id = "", CaseId = "", CaseReference = caseReference, Chain = chain, Kind = kind, Value = value, Label = request.Label, ThresholdBaseUnits = threshold,
            CreatedBy = actor.User, Agency = actor.Agency, CreatedAt = default,
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<Page<Watch>> ListAsync(Actor actor, string caseReference, PageRequest page, CancellationToken cancellationToken = default) =>
        _store.ListAsync(actor, caseReference, page, cancellationToken);

    public Task RemoveAsync(Actor actor, string caseReference, string watchId, CancellationToken cancellationToken = default) =>
        _store.RemoveAsync(actor, caseReference, ValidationException.Required(watchId, "watch_id"), cancellationToken);

    public Task<Page<WatchAlert>> AlertsAsync(Actor actor, string caseReference, PageRequest page, CancellationToken cancellationToken = default) =>
        _store.AlertsAsync(actor, caseReference, page, cancellationToken);

    public async Task<IReadOnlyList<OpenAlerts>> OpenAlertsAsync(Actor actor, CancellationToken cancellationToken = default) =>
        [.. (await _store.OpenCountsAsync(actor, cancellationToken).ConfigureAwait(false)).Select(c => new OpenAlerts(c.CaseReference, c.Open))];

    public Task<WatchAlert> AcknowledgeAsync(Actor actor, string caseReference, string alertId, CancellationToken cancellationToken = default) =>
        _store.UpdateAlertAsync(actor, caseReference, alertId, "acknowledged", [], cancellationToken);

    /// <summary>The urgent routes an alert that reached a service proposes: expedited preservation and freezing from <paramref name="from"/> to the service's State, with whom to contact there.</summary>
    public async Task<UrgentRouteProposal> ProposeAsync(Actor actor, string caseReference, string alertId, string? from, CancellationToken cancellationToken = default)
    {
        var alert = await _store.AlertAsync(actor, caseReference, alertId, cancellationToken).ConfigureAwait(false);
        var requesting = ValidationException.Required(from, "from").Trim().ToUpperInvariant();
        if (!_legal.Reference.IsKnownState(requesting)) throw new ValidationException("from", $"'{from}' is not a State in the legal data (ISO 3166-1 alpha-2, e.g. GB)");
        var requested = alert.Jurisdictions.FirstOrDefault()
            ?? throw new ValidationException("alert", $"alert {alert.Id} ({alert.Kind}) names no service in a known State: there is no State to send an urgent request to");
        var offence = (await _cases.GetAsync(actor, caseReference, cancellationToken).ConfigureAwait(false)).OffenceType;
        var options = new List<UrgentRouteProposal.Option>();
        var finder = new RouteFinder(_legal.Reference, _time);
        foreach (var measure in new[] { Measures.Preservation, Measures.Freeze })
            if (UrgentRouteProposal.Best(measure, finder.Find(new RouteQuery(requesting, requested, measure, Urgent: true, offence))) is { } option) options.Add(option);
        var contacts = new List<UrgentRouteProposal.Contact>();
        if (_legal.Reference.IsKnownState(requested))
        {
            var state = _legal.Reference.Jurisdiction(requested);
            var instrument = options.FirstOrDefault()?.InstrumentId;
            foreach (var (role, words) in new[] { (ContactRoles.Contact247, "24/7 point of contact"), (ContactRoles.CentralAuthority, "central authority"), (ContactRoles.Fiu, "FIU") })
                if (state.ContactFor(role, instrument) is { } contact) contacts.Add(new UrgentRouteProposal.Contact(words, contact.Name, contact.Verified, contact.Source, contact.AsOf));
        }
        return new UrgentRouteProposal(alert, requesting, requested, options, contacts,
            contacts.Count == 0 ? $"no reviewed contact for {requested} in the legal data: find the 24/7 point of contact before sending" : null);
    }

    /// <summary>Drafts the proposed urgent request in one call, pre-filled from the alert (the service, the address reached, the transaction, the amount), and marks the alert drafted.</summary>
    public async Task<DraftedRequests> DraftAsync(Actor actor, string caseReference, string alertId, AlertDraftRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var proposal = await ProposeAsync(actor, caseReference, alertId, request.From, cancellationToken).ConfigureAwait(false);
        var measure = request.Measure?.Trim().ToLowerInvariant() ?? proposal.Options.FirstOrDefault()?.Measure ?? Measures.Preservation;
        var alert = proposal.Alert;
        var theCase = await _cases.GetAsync(actor, caseReference, cancellationToken).ConfigureAwait(false);
        var definition = ChainRegistry.Get(alert.Chain);
        // The chain's own coin has its decimals; a token's are not kept with the alert, so its amount is stated in base units.
        var decimals = alert.Asset == definition.Symbol ? definition.Decimals : 0;
        var finding = new TraceFinding(proposal.RequestedState, alert.ActorLabel ?? alert.Actor ?? "unknown service", alert.To is null ? [] : [alert.To], [alert.TxId],
            [new AssetAmount(alert.Asset, BigInteger.Parse(alert.Amount, CultureInfo.InvariantCulture), decimals)]);
        var drafted = await _legal.DraftAsync(actor, new DraftInput(caseReference, proposal.RequestingState, [finding], [measure], Urgent: true,
            RequestingAuthority: request.Authority, OffenceSummary: $"{theCase.Title}: watched funds moved in transaction {alert.TxId} (block {alert.BlockHeight}); {alert.Detail}",
            OffenceType: theCase.OffenceType), cancellationToken).ConfigureAwait(false);
        await _store.UpdateAlertAsync(actor, caseReference, alertId, "drafted", [.. drafted.Drafts.Select(d => d.Id)], cancellationToken).ConfigureAwait(false);
        return _legal.View(drafted);
    }

    /// <summary>
    /// Evaluates what an ingest added against every watch of that chain: UTXO chains block by block from the first new block,
    /// account chains by the new transfer rows. Rows of rolled-back blocks are gone; alerts they raised stay on the case, as raised.
    /// </summary>
    public async Task OnIngestedAsync(ChainIngested ingested, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ingested);
        if (ingested.Rows == 0) return;
        var seenAt = _time.GetUtcNow();
        var watches = await _store.LoadAllAsync(ingested.Chain, cancellationToken).ConfigureAwait(false);
        if (watches.Count == 0) return;
        var definition = ChainRegistry.Get(ingested.Chain);
        var transactions = definition.Family == ChainFamily.Utxo
            ? ingested.FirstBlock is { } first ? IngestedTransactions.Utxo(_chains.Utxo(definition), first, definition.Id, definition.Symbol) : []
            : IngestedTransactions.Account(_chains.Account(definition), ingested.FirstRow, ingested.Rows, definition.Id, definition.Symbol);
        await EvaluateAsync(definition, watches, transactions, seenAt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Evaluates <paramref name="transactions"/> of one chain against that chain's watches and records what they raised; returns the alerts stored.</summary>
    public async Task<IReadOnlyList<WatchAlert>> EvaluateAsync(ChainDefinition chain, IReadOnlyList<Watch> watches, IReadOnlyList<ObservedTransaction> transactions, DateTimeOffset seenAt,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(watches);
        ArgumentNullException.ThrowIfNull(transactions);
        if (transactions.Count == 0 || watches.Count == 0) return [];
        var evaluator = await EvaluatorAsync(chain, watches, cancellationToken).ConfigureAwait(false);
        var (hits, followed) = evaluator.Evaluate(transactions, [.. watches.Select(w => new WatchTarget(w.Id, w.Kind, w.Value,
            w.ThresholdBaseUnits is { } t ? BigInteger.Parse(t, CultureInfo.InvariantCulture) : null, w.Origin, w.Hops))]);
        var byId = watches.ToDictionary(w => w.Id);
        var alerts = hits.Select(h => Alert(byId[h.WatchId], h, seenAt)).ToList();
        var follow = followed.Select(f => byId[f.Origin!] with { Id = "", Kind = Watch.Followed, Value = f.Value, Label = null, Origin = f.Origin, Hops = f.Hops, CreatedBy = "ingest", Agency = _options.InstallationAgency }).ToList();
        var raised = await _store.RecordAsync(new Actor("ingest", _options.InstallationAgency), alerts, follow, cancellationToken).ConfigureAwait(false);
        if (raised.Count > 0 && WebhookUrl is { } url) await PostAsync(url, raised, cancellationToken).ConfigureAwait(false);
        return raised;
    }

    /// <summary>An address as the chain's index writes it: account chains in EIP-55 checksum case (EIP-55), UTXO chains checked against the network of the chain's index when there is one, else its mainnet.</summary>
    private string AddressOn(ChainDefinition chain, string address)
    {
        if (chain.Family == ChainFamily.Account)
        {
            if (!chain.Addresses.TryNormalize(address, out _, out var error)) throw new ValidationException("value", $"'{address}' is not a {chain.Name} address: {error}");
            return EthAddress.ToChecksum(EthAddress.Normalize(address));
        }
        // Before the chain is indexed its network is not known yet: Bitcoin accepts any of its networks (regtest and test
        // chains are watched before their first ingest), another UTXO chain its mainnet.
        var network = _chains.Has(chain) ? _chains.Utxo(chain).Network : chain.Id == "btc" ? null : chain.Network;
        return Cairn.Chains.Bitcoin.AddressCodec.TryDecode(address, network, out _, out var reason) ? address
            : throw new ValidationException("value", $"'{address}' is not a {chain.Name} address{(network is null ? "" : $" on {network}")}: {reason}");
    }

    private static WatchAlert Alert(Watch watch, WatchHit hit, DateTimeOffset seenAt) => new()
    {
        Id = "", CaseId = watch.CaseId, CaseReference = watch.CaseReference, WatchId = watch.Id, Chain = watch.Chain, Kind = hit.Kind, TxId = hit.Transaction.TxId,
        BlockHeight = hit.Transaction.BlockHeight, BlockTime = hit.Transaction.BlockTime, From = hit.From, To = hit.To, Amount = hit.Amount.ToString(CultureInfo.InvariantCulture),
        Asset = hit.Transaction.Asset, Actor = hit.Service?.ActorId, ActorLabel = hit.Service?.Label, Jurisdictions = hit.Service?.Jurisdictions ?? [], Detail = hit.Detail,
        SeenAt = seenAt, RaisedAt = seenAt,
    };

    /// <summary>Attribution for the chain: a UTXO chain's lifted to multi-input clusters (as traces see it), an account chain's by address; sanctions by address.</summary>
    private async Task<WatchEvaluator> EvaluatorAsync(ChainDefinition chain, IReadOnlyList<Watch> watches, CancellationToken cancellationToken)
    {
        var intel = await _attribution.SnapshotAsync(chain.Id, cancellationToken).ConfigureAwait(false);
        if (chain.Family != ChainFamily.Utxo || !_chains.Has(chain)) return new WatchEvaluator(intel.Lookup, intel.IsSanctioned);
        var index = _chains.Utxo(chain);
        var clusters = _chains.Clusters(chain);
        var lifted = await _attribution.BitcoinAsync(index, clusters, TraceAttribution.Standard, cancellationToken).ConfigureAwait(false);
        uint? AddressId(string address)
        {
            try { return index.TryFindAddress(Cairn.Index.Bitcoin.AddressKey.Parse(address, index.Network), out var id) ? id : null; }
            catch (Exception ex) when (ex is CairnException or FormatException) { return null; }
        }
        return new WatchEvaluator(
            address => AddressId(address) is { } id ? lifted?.Lookup(id) : intel.Lookup(address),
            intel.IsSanctioned,
            watches.Any(w => w.Kind == Watch.Cluster) ? address => AddressId(address) is { } id && id < clusters.AddressCount ? clusters.ClusterOf(id) : null : null);
    }

    private async Task PostAsync(string url, IReadOnlyList<WatchAlert> alerts, CancellationToken cancellationToken)
    {
        var client = _http.CreateClient(WorkspaceServiceCollectionExtensions.AlertHttpClient);
        foreach (var alert in alerts)
        {
            try
            {
                using var response = await client.PostAsJsonAsync(url, alert, CairnJson.Options, cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode) _log.LogWarning("alert webhook answered {Status} for alert {Alert}", (int)response.StatusCode, alert.Id);
            }
            catch (HttpRequestException ex)
            {
                // The alert is stored on the case whatever the webhook does; a failed post is logged, not retried.
                _log.LogWarning(ex, "alert webhook failed for alert {Alert}", alert.Id);
            }
        }
    }
}
