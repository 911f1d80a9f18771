using System.Numerics;

namespace Cairn.Tracing.Entities;

/// <summary>A transaction that paid traced value to a member: its block time, the amount and how the trace met it (seed, hop, endpoint).</summary>
public sealed record MemberTransaction(string TxId, DateTimeOffset? Time, BigInteger Amount, string Role);
