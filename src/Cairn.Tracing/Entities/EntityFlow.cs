using System.Numerics;

namespace Cairn.Tracing.Entities;

/// <summary>
/// Traced value that moved from one place to another on the listed paths (between addresses, or
/// between entities): the sum of the endpoint amounts whose paths cross it (each endpoint's amount
/// split evenly over its listed paths), the first and last block time it moved, the same amount by
/// UTC day, and up to <see cref="EntityGrouping.MaxTransactionsPerFlow"/> transactions that carried it.
/// </summary>
public sealed record EntityFlow(
    string From,
    string To,
    BigInteger Amount,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    IReadOnlyList<string> TxIds,
    IReadOnlyDictionary<DateOnly, BigInteger> AmountByDay);
