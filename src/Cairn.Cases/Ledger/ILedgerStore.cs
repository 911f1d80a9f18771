using Cairn.Cases.Agencies;

namespace Cairn.Cases.Ledger;

/// <summary>The asset-recovery ledger of cases; an event that breaks an invariant is refused and nothing is written.</summary>
public interface ILedgerStore
{
    Task<LedgerEvent> AddAsync(Actor actor, string caseReference, NewLedgerEvent newEvent, CancellationToken cancellationToken = default);

    /// <summary>
    /// Approves or rejects a pending disposal (<paramref name="decision"/>): refused when the event is not pending or the
    /// decider recorded it (four eyes), and an approval when it would break an invariant; logged as ledger.approve or ledger.reject.
    /// </summary>
    Task<LedgerEvent> DecideAsync(Actor actor, string caseReference, string eventId, LedgerDecision decision, CancellationToken cancellationToken = default);

    /// <summary>The case's ledger and balances (approved events only), logged as "ledger.read".</summary>
    Task<LedgerReport> GetAsync(Actor actor, string caseReference, CancellationToken cancellationToken = default);
}
