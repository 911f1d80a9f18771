namespace Cairn.Tracing.Tracing;

/// <summary>What a trace keeps about one transaction it queued or checked (indexed by the transaction's number in the run).</summary>
internal struct TransactionState
{
    public bool Queued;
    public bool Processed;
    public bool CoinJoinChecked;
    public bool CoinJoinStop;
    /// <summary>Where its contributors (numbers of the outputs it took taint from) start in the run's contributor list, and how many.</summary>
    public int ContributorStart;
    public int ContributorCount;
}
