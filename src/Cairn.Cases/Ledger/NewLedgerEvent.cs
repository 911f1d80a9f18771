using System.Numerics;

namespace Cairn.Cases.Ledger;

/// <summary>
/// A ledger event as requested: amounts are exact integers of base units. <paramref name="TargetLocation"/>
/// is required for transfers to custody, <paramref name="Recipient"/> (victim name or ISO 3166-1 state code)
/// for returns and sharing; <paramref name="Jurisdiction"/> is the state of the acting authority.
/// <see cref="OccurredAt"/> is when it happened (a freeze ordered last week is recorded today), <see cref="Decimals"/>
/// the asset's decimals when it is a token (for the human amount shown beside the base units).
/// </summary>
public sealed record NewLedgerEvent(
    LedgerEventKind Kind,
    AssetKey Asset,
    BigInteger Amount,
    string LegalBasis,
    string Authority,
    string Jurisdiction,
    string? TargetLocation,
    string? Recipient,
    IReadOnlyList<string> EvidenceIds)
{
    public DateTimeOffset? OccurredAt { get; init; }

    public int? Decimals { get; init; }

    /// <summary>The case's victim a return to a victim goes to (issue 18): it counts against their recorded loss.</summary>
    public string? VictimId { get; init; }
}
