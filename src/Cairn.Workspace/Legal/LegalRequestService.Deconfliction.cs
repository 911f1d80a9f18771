using Cairn.Cases.Agencies;
using Cairn.Cases.Notifications;
using Cairn.Legal.Requests;

namespace Cairn.Workspace.Legal;

/// <summary>
/// Deconfliction: agencies working the same case see each other's requests (who asked which State for what), are warned
/// before drafting a request to a State someone already asked, and the agency already there is notified when it happens.
/// </summary>
public sealed partial class LegalRequestService
{
    /// <summary>Every agency's requests for a case the actor's agency may see (the read of the case and of the list are logged).</summary>
    public async Task<IReadOnlyList<CaseRequestView>> OfCaseAsync(Actor actor, string caseReference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await _cases.GetAsync(actor, caseReference, cancellationToken).ConfigureAwait(false);
        var stored = await _store.ListOfCaseAsync(actor, caseReference, cancellationToken).ConfigureAwait(false);
        return stored.Select(s =>
        {
            var r = FromStored(s);
            return new CaseRequestView(r.Id, s.OwningAgency ?? "", s.OwningAgency == actor.Agency, r.RequestedState, r.Measure, r.RequestType, RequestLifecycle.Name(r.Status),
                r.History.FirstOrDefault()?.At, r.DateOf(RequestStatus.Sent), r.SourceTraceId);
        }).ToList();
    }

    /// <summary>Existing requests a new draft would duplicate: another agency's to the same State, or this agency's to the same State for the same measure (withdrawn ones aside).</summary>
    private async Task<IReadOnlyList<(LegalRequest Draft, CaseRequestView Existing)>> OverlapsAsync(Actor actor, string caseReference, IReadOnlyList<LegalRequest> drafts, CancellationToken cancellationToken)
    {
        if (drafts.Count == 0) return [];
        var existing = (await OfCaseAsync(actor, caseReference, cancellationToken).ConfigureAwait(false)).Where(e => e.Status != "withdrawn").ToList();
        return drafts.SelectMany(d => existing.Where(e => e.RequestedState == d.RequestedState && (!e.Own || e.Measure == d.Measure)).Select(e => (d, e))).ToList();
    }

    private async Task NotifyOverlapsAsync(Actor actor, string caseReference, IReadOnlyList<LegalRequest> drafted, IReadOnlyList<(LegalRequest Draft, CaseRequestView Existing)> overlaps,
        CancellationToken cancellationToken)
    {
        var told = new HashSet<(string Agency, string State)>();
        foreach (var (draft, existing) in overlaps.Where(o => !o.Existing.Own))
        {
            if (!told.Add((existing.Agency, draft.RequestedState))) continue;
            var saved = drafted.FirstOrDefault(d => d.RequestedState == draft.RequestedState && d.Measure == draft.Measure);
            if (saved is null) continue;
            await _notifications.AddAsync(actor, new NewNotification(existing.Agency, NotificationKinds.RequestOverlap, caseReference, $"{saved.Id} {saved.RequestedState}"), cancellationToken).ConfigureAwait(false);
        }
    }
}
