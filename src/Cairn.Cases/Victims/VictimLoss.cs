using System.Numerics;

namespace Cairn.Cases.Victims;

/// <summary>
/// One loss of a victim: the amount in base units of a token on a chain (<see cref="Decimals"/> for a token, for the human
/// amount), the transactions that prove it (the victim's payments to the perpetrator), and a description.
/// </summary>
public sealed record VictimLoss(string Id, string VictimId, string Chain, string Token, BigInteger Amount, int? Decimals, IReadOnlyList<string> TransactionIds,
    string Description, DateTimeOffset RecordedAt, string RecordedBy);
