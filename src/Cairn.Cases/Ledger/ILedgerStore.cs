using Cairn.Cases.Agencies;

namespace Cairn.Cases.Ledger;

/// <summary>The asset-recovery ledger of cases; an event that breaks an invariant is refused and nothing is written.</summary>
public interface ILedgerStore
{
    Task<LedgerEvent> AddAsync(Actor actor, string caseReference, NewLedgerEvent newEvent, CancellationToken cancellationToken = default);

    /// <summary>The case's ledger and balances, logged as "ledger.read".</summary>
    Task<LedgerReport> GetAsync(Actor actor, string caseReference, CancellationToken cancellationToken = default);
}
