using System.Numerics;

namespace Cairn.Cases.Victims;

/// <summary>
/// A victim with, per chain and token, what they lost (their recorded losses) and what they received (approved
/// return-to-victim ledger events pointing to them); <see cref="Line.Outstanding"/> is lost − received, never below zero.
/// </summary>
public sealed record VictimAccount(Victim Victim, IReadOnlyList<VictimAccount.Line> Lines)
{
    public sealed record Line(string Chain, string Token, int? Decimals, BigInteger Lost, BigInteger Received, BigInteger PendingReturn)
    {
        public BigInteger Outstanding => BigInteger.Max(BigInteger.Zero, Lost - Received);
    }
}
