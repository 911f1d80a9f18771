namespace Cairn.Cases.Ledger;

/// <summary>
/// Where a ledger event stands in the four-eyes control on disposals (issue 18): liquidation, return and
/// sharing are recorded <see cref="Pending"/> until a second user of the owning agency approves or rejects them;
/// every other event (and every event recorded before the control existed) is <see cref="Approved"/> when recorded.
/// Only approved events count in balances and reports.
/// </summary>
public enum LedgerApproval
{
    Approved,
    Pending,
    Rejected,
}
