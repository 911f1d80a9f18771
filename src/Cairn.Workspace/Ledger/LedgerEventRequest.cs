namespace Cairn.Workspace.Ledger;

/// <summary>
/// A ledger event as people and scripts give it: the event (freeze, seize, …), the asset (chain, token, custody location),
/// the amount either exactly as an integer string of base units (<c>amount</c>) or in units (<c>amount_units</c>, e.g. "1.5"
/// BTC, with <c>decimals</c> for a token; BTC and ETH are known), when it happened (<c>occurred_at</c>; default now, never in
/// the future), the legal basis, the ordering authority and its State (ISO 3166-1 alpha-2), for transfers and returns the
/// receiving location or recipient; evidence ids support it.
/// </summary>
public sealed record LedgerEventRequest(string? Event, string? Chain, string? Token, string? Location, string? Amount, string? LegalBasis, string? Authority,
    string? Jurisdiction, string? TargetLocation, string? Recipient, IReadOnlyList<string>? EvidenceIds)
{
    public string? AmountUnits { get; init; }

    public int? Decimals { get; init; }

    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>For a return to a victim: the case's victim it goes to (their name becomes the recipient; it counts against their loss).</summary>
    public string? VictimId { get; init; }
}
