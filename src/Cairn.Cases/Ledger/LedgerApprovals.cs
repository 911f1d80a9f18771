namespace Cairn.Cases.Ledger;

/// <summary>
/// The four-eyes rule on disposals: the assets leave the State's hands (liquidation, return to a victim or a State,
/// sharing under UNCAC Art. 57(5) and FATF R.38), so a second user of the owning agency must approve before the event counts.
/// </summary>
public static class LedgerApprovals
{
    /// <summary>The roles that may approve or reject a disposal: those that may record ledger events.</summary>
    public static readonly IReadOnlyList<string> ApproverRoles = ["AssetRecoveryOfficer", "Prosecutor"];

    public static bool NeedsApproval(LedgerEventKind kind) =>
        kind is LedgerEventKind.Liquidate or LedgerEventKind.ReturnToVictim or LedgerEventKind.ReturnToState or LedgerEventKind.Share;

    public static string Name(LedgerApproval approval) => approval.ToString().ToLowerInvariant();

    public static LedgerApproval Parse(string text) => text switch
    {
        "approved" => LedgerApproval.Approved,
        "pending" => LedgerApproval.Pending,
        "rejected" => LedgerApproval.Rejected,
        _ => throw new FormatException($"unknown ledger approval state '{text}'"),
    };
}
