namespace Cairn.Index.Bitcoin;

/// <summary>What one ingest run did.</summary>
public sealed record IngestReport
{
    public long BlocksAdded { get; init; }
    public long BlocksRolledBack { get; init; }
    public long TransactionsAdded { get; init; }
    public long BytesRead { get; init; }
    public TimeSpan Elapsed { get; init; }
    public long Height { get; init; }
    public string? Tip { get; init; }

    /// <summary>Where the single writer thread's time went: waiting for the scanning threads, appending rows, committing (flushing).</summary>
    public TimeSpan WriterWaiting { get; init; }

    public TimeSpan WriterAppending { get; init; }

    public TimeSpan WriterCommitting { get; init; }

    /// <summary>The part of <see cref="WriterCommitting"/> spent in the checkpoints along the way (the rest is the final commit).</summary>
    public TimeSpan WriterCheckpointing { get; init; }

    /// <summary>
    /// Of <see cref="WriterAppending"/>, how long each of the two halves that append a batch at once ran (summed over
    /// the batches): the transaction side (transaction rows, txids, inputs, spends) and the output side (outputs,
    /// addresses). The longer one is the writer's critical path.
    /// </summary>
    public TimeSpan WriterTransactionSide { get; init; }

    public TimeSpan WriterOutputSide { get; init; }

    /// <summary>Of each half, the time spent growing its hash table ahead of a batch (rehashing every key).</summary>
    public TimeSpan WriterTxIdTableGrowth { get; init; }

    public TimeSpan WriterAddressTableGrowth { get; init; }

    /// <summary>The final commit's steps (each column's flush, the hash tables), each with its own time.</summary>
    public IReadOnlyList<WriterStepTime> FinalCommitSteps { get; init; } = [];

    /// <summary>The index had been interrupted mid-write and was repaired before resuming.</summary>
    public bool Repaired { get; init; }
}
