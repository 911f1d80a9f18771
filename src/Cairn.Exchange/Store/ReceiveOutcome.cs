using Cairn.Exchange.Envelopes;
using Cairn.Exchange.Receipts;

namespace Cairn.Exchange.Store;

/// <summary>
/// What happened to one received envelope: stored (with the signed delivery receipt to answer),
/// a duplicate of one already stored (same receipt again, nothing stored), or rejected with a reason.
/// </summary>
public sealed record ReceiveOutcome(Receipt? Receipt, bool Duplicate, RejectionReason? Rejection, string Detail)
{
    public bool Accepted => Receipt is not null;
}
