namespace Cairn.Index.Ethereum;

/// <summary>What one ingest run did.</summary>
public sealed record EthIngestReport(
    long? FirstBlock,
    long? LastBlock,
    long Blocks,
    long Transactions,
    long NativeTransfers,
    long InternalTransfers,
    long TokenTransfers,
    long RolledBackBlocks,
    string TraceMode,
    string? Note,
    EthIndexHead Head);
