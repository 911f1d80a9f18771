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

    /// <summary>The index had been interrupted mid-write and was repaired before resuming.</summary>
    public bool Repaired { get; init; }
}
