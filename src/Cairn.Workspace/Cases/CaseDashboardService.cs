using System.Globalization;
using System.Numerics;
using Cairn.Cases.Agencies;
using Cairn.Cases.Cases;
using Cairn.Cases.Ledger;
using Cairn.Core;
using Cairn.Core.Paging;
using Cairn.Legal.Requests;
using Cairn.Storage;
using Cairn.Workspace.Ledger;
using Cairn.Workspace.Legal;
using Cairn.Workspace.Tracing;
using Cairn.Workspace.Valuation;
using Cairn.Workspace.Watching;

namespace Cairn.Workspace.Cases;

/// <summary>
/// Assembles a case's dashboard from what the other services already show (each read is logged by them, and a case the
/// actor may not see is not found, as everywhere): the ledger, the case's requests, the newest saved Bitcoin trace's summary
/// (read alone, never the whole trace), the case's open alerts and the case; fiat values from the installation's rate tables.
/// </summary>
public sealed class CaseDashboardService
{
    public const int DeadlineCount = 10;
    public const int ActivityCount = 20;
    public const int AlertCount = 5;

    /// <summary>How many of the newest alerts are looked through for the open ones shown (the count of open ones is exact).</summary>
    private const int AlertWindow = 100;

    private readonly CaseService _cases;
    private readonly LedgerService _ledger;
    private readonly LegalRequestService _requests;
    private readonly TraceService _traces;
    private readonly RateService _rates;
    private readonly WatchService _watches;

    private readonly Victims.VictimService _victims;
    private readonly CairnDatabase _database;
    private readonly CasePrivacy _privacy;

    public CaseDashboardService(CaseService cases, LedgerService ledger, LegalRequestService requests, TraceService traces, RateService rates, WatchService watches,
        Victims.VictimService victims, CairnDatabase database, CasePrivacy privacy)
    {
        _privacy = privacy;
        _database = database;
        _victims = victims;
        _cases = cases;
        _ledger = ledger;
        _requests = requests;
        _traces = traces;
        _rates = rates;
        _watches = watches;
    }

    public Task<CaseDashboard> GetAsync(Actor actor, string caseReference, CancellationToken cancellationToken = default) =>
        GetAsync(actor, caseReference, null, cancellationToken);

    /// <summary>The dashboard; with <paramref name="fiat"/> (an ISO 4217 code) the traced and recovered amounts also in that currency where a rate applies.</summary>
    public async Task<CaseDashboard> GetAsync(Actor actor, string caseReference, string? fiat, CancellationToken cancellationToken = default)
    {
        var currency = fiat is null ? null : RateService.Currency(fiat, "fiat");
        // The case first, on its own: a case the actor may not see is refused (and that refusal logged) before anything else.
        var theCase = await _cases.GetAsync(actor, caseReference, cancellationToken).ConfigureAwait(false);
        // The rest in one transaction: each read below is logged as before, but the entries are committed once, not once per
        // read (page speed, issue 15: seven durable commits were most of the dashboard's time on SQLite).
        var dashboard = await _database.InOneTransactionAsync(actor, () => AssembleAsync(actor, theCase, currency, cancellationToken), cancellationToken).ConfigureAwait(false);
        // Shared pseudonymised: trace titles, request notes and alerts are masked as the case is (the case, ledger and victims already are).
        return CasePrivacy.IsMasked(actor, theCase) ? await _privacy.ApplyAsync(actor, theCase.Reference, dashboard, cancellationToken).ConfigureAwait(false) : dashboard;
    }

    private async Task<CaseDashboard> AssembleAsync(Actor actor, Case theCase, string? currency, CancellationToken cancellationToken)
    {
        var caseReference = theCase.Reference;
        var ledger = await _ledger.GetAsync(actor, caseReference, cancellationToken).ConfigureAwait(false);
        var requests = await _requests.ListAsync(actor, theCase.Reference, cancellationToken).ConfigureAwait(false);
        var summaries = (await _requests.ListAsync(actor, new RequestFilter(CaseReference: theCase.Reference), new PageRequest(0, PageRequest.MaxLimit), cancellationToken).ConfigureAwait(false)).Items;
        var newest = (await _traces.ListAsync(actor, theCase.Reference, new PageRequest(0, 20), cancellationToken).ConfigureAwait(false)).Items;
        var btc = newest.FirstOrDefault(t => t.Chain == "btc");
        var traced = btc is null ? [] : await TracedAsync(actor, theCase.Reference, btc.Id, cancellationToken).ConfigureAwait(false);
        var states = traced.Keys.Concat(requests.Select(r => r.RequestedState)).Concat(ledger.States.Select(s => s.State)).Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => traced.TryGetValue(s, out var t) ? BigInteger.Parse(t.Amount, CultureInfo.InvariantCulture) : BigInteger.MinusOne)
            .ThenBy(s => s, StringComparer.Ordinal);
        var valuator = currency is null ? null : await _rates.ValuatorAsync(cancellationToken).ConfigureAwait(false);
        var jurisdictions = states.Select(state =>
        {
            var found = traced.GetValueOrDefault(state);
            var recovery = ledger.States.Where(x => x.State == state).ToList();
            return new CaseDashboard.Jurisdiction(state, found?.Amount ?? "0", found?.AmountDecimal ?? "0", found?.Actors ?? [],
                requests.Where(r => r.RequestedState == state).GroupBy(r => RequestLifecycle.Name(r.Status), StringComparer.Ordinal)
                    .Select(g => new CaseDashboard.RequestCount(g.Key, g.Count())).OrderBy(c => c.Status, StringComparer.Ordinal).ToList(),
                recovery)
            {
                TracedValue = currency switch { "USD" => found?.ValueUsd, "EUR" => found?.ValueEur, _ => null },
                RecoveryValues = valuator is null ? [] : [.. recovery.Select(r => RecoveryValueOf(state, r, ledger, valuator, currency!))],
            };
        }).ToList();

        var deadlines = summaries.Where(r => r.NextDeadline is not null)
            .OrderBy(r => r.NextDeadline!.Due ?? DateTimeOffset.MaxValue)
            .Take(DeadlineCount)
            .Select(r => new CaseDashboard.Deadline(r.Id, r.RequestedState, r.Measure, r.Status, r.NextDeadline!.Label, r.NextDeadline.Kind, r.NextDeadline.Due, r.Overdue, r.NextDeadline.Citation))
            .ToList();

        var activity = Activity(theCase, ledger, requests, newest).OrderByDescending(a => a.At).Take(ActivityCount).ToList();
        var open = (await _watches.OpenAlertsAsync(actor, cancellationToken).ConfigureAwait(false)).FirstOrDefault(o => o.CaseReference == theCase.Reference)?.Open ?? 0;
        var openAlerts = open == 0 ? [] : (await _watches.AlertsAsync(actor, theCase.Reference, new PageRequest(0, AlertWindow), cancellationToken).ConfigureAwait(false)).Items
            .Where(a => a.State == "open").Take(AlertCount).ToList();
        var victims = await _victims.ListAsync(actor, theCase.Reference, cancellationToken).ConfigureAwait(false);
        return new CaseDashboard(theCase.Reference, theCase.Title, theCase.Status.ToString().ToLowerInvariant(), btc?.Id, btc?.Title, jurisdictions, deadlines, activity)
        {
            Currency = currency, OpenAlerts = open, LatestOpenAlerts = openAlerts,
            Victims = victims.Select(v => new CaseDashboard.VictimLine(v.Victim.Id, v.Victim.Name,
                v.Lines.Select(l => new CaseDashboard.VictimAsset(l.Chain, l.Token, l.Decimals, Text(l.Lost), Text(l.Received), Text(l.PendingReturn), Text(l.Outstanding))).ToList())).ToList(),
        };
    }

    /// <summary>
    /// Per State, what the newest Bitcoin trace followed there, from its summary (a few kilobytes) rather than the whole saved
    /// trace; a trace saved before summaries were kept, which the summary cannot be rebuilt for (the index moved), from its report.
    /// </summary>
    private async Task<Dictionary<string, TraceSummary.Jurisdiction>> TracedAsync(Actor actor, string caseReference, string traceId, CancellationToken cancellationToken)
    {
        try
        {
            var summary = await _traces.SummaryAsync(actor, caseReference, traceId, cancellationToken).ConfigureAwait(false);
            return summary.Jurisdictions.ToDictionary(j => j.Code, StringComparer.Ordinal);
        }
        catch (CairnException)
        {
            var report = (await _traces.GetAsync(actor, caseReference, traceId, cancellationToken).ConfigureAwait(false)).Report;
            return report?.Jurisdictions.ToDictionary(j => j.Jurisdiction, j => new TraceSummary.Jurisdiction(j.Jurisdiction, j.AmountSat, j.AmountBtc, j.Endpoints, j.Actors, null, null),
                StringComparer.Ordinal) ?? [];
        }
    }

    /// <summary>
    /// One token's funnel in fiat for one State, counted as <see cref="AssetLedger"/> counts the State's totals (freezes, seizures and
    /// confiscations its authorities ordered; returns and shares they made; what it, or a victim by that name, received), each event at
    /// the rate of the day it happened.
    /// </summary>
    private static CaseDashboard.RecoveryValue RecoveryValueOf(string state, StateTotals totals, LedgerReport ledger, Cairn.Valuation.Rates.Valuator valuator, string currency)
    {
        // Only approved events count, as in the balances: a disposal awaiting its second approval is not yet recovered (issue 18).
        var ofToken = ledger.Events.Where(e => e.Counts && e.Details.Asset.Chain == totals.Chain && e.Details.Asset.Token == totals.Token).ToList();
        var decimals = AssetDecimals.Native(new AssetKey(totals.Chain, totals.Token, "")) ?? ofToken.Select(e => e.Details.Decimals).FirstOrDefault(d => d is not null);
        LedgerEventKind[] returns = [LedgerEventKind.ReturnToVictim, LedgerEventKind.ReturnToState, LedgerEventKind.Share];
        Cairn.Valuation.Rates.FiatValue? Step(Func<NewLedgerEvent, bool> counts)
        {
            if (decimals is not { } places) return null;
            var byDay = ofToken.Where(e => counts(e.Details))
                .GroupBy(e => DateOnly.FromDateTime((e.Details.OccurredAt ?? e.RecordedAt).UtcDateTime))
                .ToDictionary(g => g.Key, g => g.Aggregate(BigInteger.Zero, (sum, e) => sum + e.Details.Amount));
            return valuator.Value([totals.Token], places, byDay, currency);
        }
        bool By(NewLedgerEvent e, params LedgerEventKind[] kinds) => e.Jurisdiction == state && kinds.Contains(e.Kind);
        return new CaseDashboard.RecoveryValue(totals.Chain, totals.Token, Step(e => By(e, LedgerEventKind.Freeze)), Step(e => By(e, LedgerEventKind.Seize)),
            Step(e => By(e, LedgerEventKind.Confiscate)), Step(e => By(e, returns)))
        {
            Received = Step(e => e.Recipient == state && returns.Contains(e.Kind)),
        };
    }

    private static IEnumerable<CaseDashboard.Activity> Activity(Case theCase, LedgerReport ledger, IReadOnlyList<LegalRequest> requests, IReadOnlyList<Cairn.Cases.Traces.CaseTrace> traces)
    {
        foreach (var change in theCase.StatusChanges)
            yield return new(change.ChangedAt, "case_status", change.Status.ToString().ToLowerInvariant(), change.Reason, change.ChangedBy, change.Agency, null);
        foreach (var note in theCase.Notes)
            yield return new(note.WrittenAt, "note", "note", note.Text, note.Author, note.Agency, null);
        foreach (var trace in traces)
            yield return new(trace.CreatedAt, "trace", trace.Chain, trace.Title, trace.CreatedBy, trace.Agency, trace.Id);
        foreach (var request in requests)
            foreach (var step in request.History)
                yield return new(step.At, "request", step.Action == "status" ? RequestLifecycle.Name(step.Status) : step.Action,
                    $"{request.Measure} → {request.RequestedState}{(step.Note is { Length: > 0 } note ? ": " + note : "")}", step.By ?? "", step.Agency ?? "", request.Id);
        foreach (var e in ledger.Events)
            yield return new(e.Details.OccurredAt ?? e.RecordedAt, "ledger_event", LedgerEventKinds.Name(e.Details.Kind),
                $"{AssetDecimals.Describe(e.Details.Amount, e.Details.Asset, e.Details.Decimals)} at {e.Details.Asset.Location}", e.RecordedBy, e.RecordedAgency, e.Id);
    }

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
