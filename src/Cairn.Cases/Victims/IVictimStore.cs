using Cairn.Cases.Agencies;

namespace Cairn.Cases.Victims;

/// <summary>Victims of cases and their losses; what each received is read from the case's approved ledger returns. Every call is logged.</summary>
public interface IVictimStore
{
    /// <summary>Adds a victim to a case the actor's agency owns or contributes to (logged as victim.add).</summary>
    Task<Victim> AddAsync(Actor actor, string caseReference, string name, string details, CancellationToken cancellationToken = default);

    /// <summary>Records a loss of a victim of the case (logged as victim.loss).</summary>
    Task<VictimLoss> AddLossAsync(Actor actor, string caseReference, string victimId, VictimLoss loss, CancellationToken cancellationToken = default);

    /// <summary>The case's victims with what each lost and received per asset (logged as victim.list).</summary>
    Task<IReadOnlyList<VictimAccount>> ListAsync(Actor actor, string caseReference, CancellationToken cancellationToken = default);
}
