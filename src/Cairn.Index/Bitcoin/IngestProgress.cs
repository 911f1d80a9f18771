namespace Cairn.Index.Bitcoin;

/// <summary>Progress of a running ingest, for progress bars.</summary>
public readonly record struct IngestProgress(long Height, long TargetHeight, long Transactions, long Bytes);
