namespace Cairn.Cases.Ledger;

/// <summary>A second user's decision on a pending disposal: who (login, agency, the role they decided in), when, and for a rejection why.</summary>
public sealed record LedgerDecision(LedgerApproval Outcome, string By, string Agency, string Role, DateTimeOffset At, string? Reason);
