using System.Globalization;
using System.Numerics;
using Cairn.Cases.Agencies;
using Cairn.Cases.Cases;
using Cairn.Cases.Ledger;
using Cairn.Core;
using Cairn.Core.Paging;
using Cairn.Legal.Requests;
using Cairn.Workspace.Ledger;
using Cairn.Workspace.Legal;
using Cairn.Workspace.Tracing;

namespace Cairn.Workspace.Cases;

/// <summary>
/// Assembles a case's dashboard from what the other services already show (each read is logged by them, and a case the
/// actor may not see is not found, as everywhere): the ledger, the case's requests, the newest saved Bitcoin trace and the case.
/// </summary>
public sealed class CaseDashboardService
{
    public const int DeadlineCount = 10;
    public const int ActivityCount = 20;

    private readonly CaseService _cases;
    private readonly LedgerService _ledger;
    private readonly LegalRequestService _requests;
    private readonly TraceService _traces;

    private readonly Victims.VictimService _victims;

    public CaseDashboardService(CaseService cases, LedgerService ledger, LegalRequestService requests, TraceService traces, Victims.VictimService victims)
    {
        _victims = victims;
        _cases = cases;
        _ledger = ledger;
        _requests = requests;
        _traces = traces;
    }

    public async Task<CaseDashboard> GetAsync(Actor actor, string caseReference, CancellationToken cancellationToken = default)
    {
        var theCase = await _cases.GetAsync(actor, caseReference, cancellationToken).ConfigureAwait(false);
        var ledger = await _ledger.GetAsync(actor, caseReference, cancellationToken).ConfigureAwait(false);
        var requests = await _requests.ListAsync(actor, theCase.Reference, cancellationToken).ConfigureAwait(false);
        var summaries = (await _requests.ListAsync(actor, new RequestFilter(CaseReference: theCase.Reference), new PageRequest(0, PageRequest.MaxLimit), cancellationToken).ConfigureAwait(false)).Items;
        var newest = (await _traces.ListAsync(actor, theCase.Reference, new PageRequest(0, 20), cancellationToken).ConfigureAwait(false)).Items;
        var btc = newest.FirstOrDefault(t => t.Chain == "btc");
        var trace = btc is null ? null : await _traces.GetAsync(actor, theCase.Reference, btc.Id, cancellationToken).ConfigureAwait(false);

        var traced = trace?.Report?.Jurisdictions.ToDictionary(j => j.Jurisdiction, StringComparer.Ordinal) ?? [];
        var states = traced.Keys.Concat(requests.Select(r => r.RequestedState)).Concat(ledger.States.Select(s => s.State)).Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => traced.TryGetValue(s, out var t) ? BigInteger.Parse(t.AmountSat, CultureInfo.InvariantCulture) : BigInteger.MinusOne)
            .ThenBy(s => s, StringComparer.Ordinal);
        var jurisdictions = states.Select(state => new CaseDashboard.Jurisdiction(state,
            traced.TryGetValue(state, out var t) ? t.AmountSat : "0", traced.TryGetValue(state, out var b) ? b.AmountBtc : "0",
            traced.TryGetValue(state, out var s) ? s.Actors : [],
            requests.Where(r => r.RequestedState == state).GroupBy(r => RequestLifecycle.Name(r.Status), StringComparer.Ordinal)
                .Select(g => new CaseDashboard.RequestCount(g.Key, g.Count())).OrderBy(c => c.Status, StringComparer.Ordinal).ToList(),
            ledger.States.Where(x => x.State == state).ToList())).ToList();

        var deadlines = summaries.Where(r => r.NextDeadline is not null)
            .OrderBy(r => r.NextDeadline!.Due ?? DateTimeOffset.MaxValue)
            .Take(DeadlineCount)
            .Select(r => new CaseDashboard.Deadline(r.Id, r.RequestedState, r.Measure, r.Status, r.NextDeadline!.Label, r.NextDeadline.Kind, r.NextDeadline.Due, r.Overdue, r.NextDeadline.Citation))
            .ToList();

        var activity = Activity(theCase, ledger, requests, newest).OrderByDescending(a => a.At).Take(ActivityCount).ToList();
        var victims = await _victims.ListAsync(actor, theCase.Reference, cancellationToken).ConfigureAwait(false);
        return new CaseDashboard(theCase.Reference, theCase.Title, theCase.Status.ToString().ToLowerInvariant(), btc?.Id, btc?.Title, jurisdictions, deadlines, activity)
        {
            Victims = victims.Select(v => new CaseDashboard.VictimLine(v.Victim.Id, v.Victim.Name,
                v.Lines.Select(l => new CaseDashboard.VictimAsset(l.Chain, l.Token, l.Decimals, Text(l.Lost), Text(l.Received), Text(l.PendingReturn), Text(l.Outstanding))).ToList())).ToList(),
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
