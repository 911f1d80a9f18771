namespace Cairn.Cases.Ledger;

/// <summary>
/// A recorded ledger event: the request plus its place in the case's ledger and who recorded it when. A disposal
/// (<see cref="LedgerApprovals.NeedsApproval"/>) starts <see cref="LedgerApproval.Pending"/>; <see cref="Decision"/> says who approved or rejected it.
/// </summary>
public sealed record LedgerEvent(string Id, string CaseId, long Sequence, NewLedgerEvent Details, DateTimeOffset RecordedAt, string RecordedBy, string RecordedAgency)
{
    public LedgerApproval Approval { get; init; } = LedgerApproval.Approved;

    public LedgerDecision? Decision { get; init; }

    /// <summary>Whether it counts in balances and reports.</summary>
    public bool Counts => Approval == LedgerApproval.Approved;
}
