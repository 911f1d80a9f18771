using System.Numerics;

namespace Cairn.Tracing.Entities;

/// <summary>
/// One address (or output without an address) of an entity as the trace met it: what reached it
/// at endpoints and on paths, whether it holds the seed, and the transactions that paid it (block
/// times; at most <see cref="EntityGrouping.MaxTransactionsPerMember"/>, <see cref="TransactionCount"/> counts all).
/// </summary>
public sealed record EntityMember(
    string EntityId,
    string Key,
    string? Address,
    bool Seed,
    bool Sanctioned,
    BigInteger Amount,
    int Endpoints,
    BigInteger Received,
    IReadOnlyList<MemberTransaction> Transactions,
    int TransactionCount);
