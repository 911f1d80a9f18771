using System.Numerics;

namespace Cairn.Cases.Ledger;

/// <summary>
/// Per state and token: what its authorities froze, seized and confiscated, what it (or a victim it names) received,
/// and what its authorities returned or shared (<see cref="Returned"/>): with frozen, seized and confiscated, the recovery funnel.
/// </summary>
public sealed record StateTotals(string State, string Chain, string Token, BigInteger Frozen, BigInteger Seized, BigInteger Confiscated, BigInteger Received)
{
    public BigInteger Returned { get; init; }
}
