namespace Cairn.Workspace.Ledger;

/// <summary>
/// A ledger event as people and scripts give it: the event (freeze, seize, …), the asset (chain,
/// token, custody location), the exact amount as an integer string of base units, the legal basis,
/// the ordering authority and its State (ISO 3166-1 alpha-2), and for transfers and returns the
/// receiving location or recipient; evidence ids support it.
/// </summary>
public sealed record LedgerEventRequest(string? Event, string? Chain, string? Token, string? Location, string? Amount, string? LegalBasis, string? Authority,
    string? Jurisdiction, string? TargetLocation, string? Recipient, IReadOnlyList<string>? EvidenceIds);
