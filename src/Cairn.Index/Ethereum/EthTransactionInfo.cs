namespace Cairn.Index.Ethereum;

/// <summary>A transaction known to the index. <see cref="Succeeded"/> is null for pre-Byzantium receipts.</summary>
public sealed record EthTransactionInfo(long Id, string Hash, long BlockNumber, int IndexInBlock, bool? Succeeded, long Timestamp);
