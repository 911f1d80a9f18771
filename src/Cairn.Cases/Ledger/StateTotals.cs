using System.Numerics;

namespace Cairn.Cases.Ledger;

/// <summary>Per state and token: what its authorities froze, seized and confiscated, and what it (or a victim it names) received.</summary>
public sealed record StateTotals(string State, string Chain, string Token, BigInteger Frozen, BigInteger Seized, BigInteger Confiscated, BigInteger Received);
