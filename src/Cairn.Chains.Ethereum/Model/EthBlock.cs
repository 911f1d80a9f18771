namespace Cairn.Chains.Ethereum.Model;

/// <summary>A block with its full transactions (<c>eth_getBlockByNumber(n, true)</c>).</summary>
public sealed record EthBlock(
    long Number,
    string Hash,
    string ParentHash,
    long Timestamp,
    string Miner,
    long GasUsed,
    IReadOnlyList<EthTransaction> Transactions);
