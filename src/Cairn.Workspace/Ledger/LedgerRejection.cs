namespace Cairn.Workspace.Ledger;

/// <summary>Why a pending disposal is rejected (required; at most 2000 characters).</summary>
public sealed record LedgerRejection(string? Reason);
