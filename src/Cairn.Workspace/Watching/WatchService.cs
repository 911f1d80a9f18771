using System.Globalization;
using System.Net.Http.Json;
using System.Numerics;
using Cairn.Cases.Agencies;
using Cairn.Cases.Cases;
using Cairn.Cases.Watchlists;
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
/// Watchlists and alerts: a case watches addresses, clusters and services; every ingest (told through
/// <see cref="IIngestObserver"/>) evaluates its new transactions against every case's watches
/// (<see cref="WatchEvaluator"/>), stores the alerts on their cases (alert.raise in the custody log),
/// posts each to the configured webhook, and follows the funds to the addresses they reached. An alert
/// that funds reached a service in a State proposes the urgent route there and drafts it in one call.
/// </summary>
public sealed class WatchService : IIngestObserver
{
    private static readonly string[] Chains = ["btc", "eth"];
    private static readonly string[] Kinds = [Watch.Address, Watch.Cluster, Watch.Actor];

    private readonly IWatchlistStore _store;
    private readonly ChainIndexes _chains;
    private readonly AttributionProvider _attribution;
    private readonly LegalRequestService _legal;
    private readonly ICaseStore _cases;
    private readonly IHttpClientFactory _http;
    private readonly WorkspaceOptions _options;
    private readonly ILogger<WatchService> _log;

    public WatchService(IWatchlistStore store, ChainIndexes chains, AttributionProvider attribution, LegalRequestService legal, ICaseStore cases, IHttpClientFactory http,
        WorkspaceOptions options, ILogger<WatchService> log)
    {
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

    public Task<Watch> AddAsync(Actor actor, string caseReference, WatchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var chain = ValidationException.Required(request.Chain, "chain").Trim().ToLowerInvariant();
        if (!Chains.Contains(chain)) throw new ValidationException("chain", $"chain '{request.Chain}' is not one of {string.Join(", ", Chains)}");
        var kind = ValidationException.Required(request.Kind, "kind").Trim().ToLowerInvariant();
        if (!Kinds.Contains(kind)) throw new ValidationException("kind", $"kind '{request.Kind}' is not one of {string.Join(", ", Kinds)}");
        var value = ValidationException.Required(request.Value, "value").Trim();
        if (kind != Watch.Actor && chain == "eth" && !(value.Length == 42 && value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && value[2..].All(char.IsAsciiHexDigit)))
            throw new ValidationException("value", $"'{value}' is not an Ethereum address (0x and 40 hex digits)");
        if (kind == Watch.Cluster && chain != "btc") throw new ValidationException("kind", "clusters are Bitcoin's (multi-input); watch an Ethereum address instead");
        var threshold = request.Threshold is { Length: > 0 } t
            ? t.Trim().All(char.IsAsciiDigit) ? t.Trim() : throw new ValidationException("threshold", $"threshold '{t}' is not a whole number of base units")
            : null;
        return _store.AddAsync(actor, caseReference, new Watch
        {
            Id = "", CaseId = "", CaseReference = caseReference, Chain = chain, Kind = kind, Value = value, Label = request.Label, ThresholdBaseUnits = threshold,
            CreatedBy = actor.User, Agency = actor.Agency, CreatedAt = default,
        }, cancellationToken);
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
        var requesting = ValidationException.Required(from, "from").Trim().ToUpperInvariant();
        var alert = await _store.AlertAsync(actor, caseReference, alertId, cancellationToken).ConfigureAwait(false);
        var requested = alert.Jurisdictions.FirstOrDefault()
            ?? throw new ValidationException("alert", $"alert {alert.Id} ({alert.Kind}) names no service in a known State: there is no State to send an urgent request to");
        var offence = (await _cases.GetAsync(actor, caseReference, cancellationToken).ConfigureAwait(false)).OffenceType;
        var options = new List<UrgentRouteProposal.Option>();
        foreach (var measure in new[] { Measures.Preservation, Measures.Freeze })
            if (UrgentRouteProposal.Best(measure, _legal.Route(new RouteQuery(requesting, requested, measure, Urgent: true, offence))) is { } option) options.Add(option);
        var contacts = new List<UrgentRouteProposal.Contact>();
        if (_legal.Reference.IsKnownState(requested))
        {
            var state = _legal.Reference.Jurisdiction(requested);
            foreach (var (role, value) in new[] { ("24/7 point of contact", state.Contact247), ("central authority", state.CentralAuthority), ("FIU", state.Fiu) })
                if (value is not null) contacts.Add(new UrgentRouteProposal.Contact(role, value.Value, value.Verified, value.Source, value.AsOf));
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
        var decimals = alert.Chain == "btc" ? BaseUnits.BitcoinDecimals : alert.Asset == "ETH" ? BaseUnits.EtherDecimals : 0;
        var finding = new TraceFinding(proposal.RequestedState, alert.ActorLabel ?? alert.Actor ?? "unknown service", alert.To is null ? [] : [alert.To], [alert.TxId],
            [new AssetAmount(alert.Asset, BigInteger.Parse(alert.Amount, CultureInfo.InvariantCulture), decimals)]);
        var drafted = await _legal.DraftAsync(actor, new DraftInput(caseReference, proposal.RequestingState, [finding], [measure], Urgent: true,
            RequestingAuthority: request.Authority, OffenceSummary: $"{theCase.Title}: watched funds moved in transaction {alert.TxId} (block {alert.BlockHeight}); {alert.Detail}",
            OffenceType: theCase.OffenceType), cancellationToken).ConfigureAwait(false);
        await _store.UpdateAlertAsync(actor, caseReference, alertId, "drafted", [.. drafted.Drafts.Select(d => d.Id)], cancellationToken).ConfigureAwait(false);
        return _legal.View(drafted);
    }

    public async Task OnIngestedAsync(string chain, IReadOnlyList<ObservedTransaction> transactions, DateTimeOffset seenAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        if (transactions.Count == 0) return;
        var watches = await _store.LoadAllAsync(chain, cancellationToken).ConfigureAwait(false);
        if (watches.Count == 0) return;
        var evaluator = await EvaluatorAsync(chain, watches, cancellationToken).ConfigureAwait(false);
        var (hits, followed) = evaluator.Evaluate(transactions, [.. watches.Select(w => new WatchTarget(w.Id, w.Kind, w.Value,
            w.ThresholdBaseUnits is { } t ? BigInteger.Parse(t, CultureInfo.InvariantCulture) : null, w.Origin, w.Hops))]);
        var byId = watches.ToDictionary(w => w.Id);
        var alerts = hits.Select(h => Alert(byId[h.WatchId], h, seenAt)).ToList();
        var follow = followed.Select(f => byId[f.Origin!] with { Id = "", Kind = Watch.Followed, Value = f.Value, Label = null, Origin = f.Origin, Hops = f.Hops, CreatedBy = "ingest", Agency = _options.InstallationAgency }).ToList();
        var raised = await _store.RecordAsync(new Actor("ingest", _options.InstallationAgency), alerts, follow, cancellationToken).ConfigureAwait(false);
        if (raised.Count > 0 && WebhookUrl is { } url) await PostAsync(url, raised, cancellationToken).ConfigureAwait(false);
    }

    private static WatchAlert Alert(Watch watch, WatchHit hit, DateTimeOffset seenAt) => new()
    {
        Id = "", CaseId = watch.CaseId, CaseReference = watch.CaseReference, WatchId = watch.Id, Chain = watch.Chain, Kind = hit.Kind, TxId = hit.Transaction.TxId,
        BlockHeight = hit.Transaction.BlockHeight, BlockTime = hit.Transaction.BlockTime, From = hit.From, To = hit.To, Amount = hit.Amount.ToString(CultureInfo.InvariantCulture),
        Asset = hit.Transaction.Asset, Actor = hit.Service?.ActorId, ActorLabel = hit.Service?.Label, Jurisdictions = hit.Service?.Jurisdictions ?? [], Detail = hit.Detail,
        SeenAt = seenAt, RaisedAt = seenAt,
    };

    /// <summary>Attribution for the chain: Bitcoin's lifted to multi-input clusters (as traces see it), Ethereum's by address; sanctions by address.</summary>
    private async Task<WatchEvaluator> EvaluatorAsync(string chain, IReadOnlyList<Watch> watches, CancellationToken cancellationToken)
    {
        var intel = await _attribution.SnapshotAsync(cancellationToken).ConfigureAwait(false);
        if (chain != "btc") return new WatchEvaluator(intel.Lookup, intel.IsSanctioned);
        var index = _chains.Bitcoin();
        var clusters = _chains.Clusters();
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
