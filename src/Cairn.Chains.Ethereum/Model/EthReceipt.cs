namespace Cairn.Chains.Ethereum.Model;

/// <summary>
/// A transaction receipt. <see cref="Succeeded"/> is null before Byzantium (EIP-658), when
/// receipts carried a state root instead of a status; such transactions count as succeeded
/// unless their gas was exhausted, which the receipt alone cannot prove.
/// </summary>
public sealed record EthReceipt(
    string TransactionHash,
    int TransactionIndex,
    long BlockNumber,
    string BlockHash,
    bool? Succeeded,
    long GasUsed,
    long CumulativeGasUsed,
    string? ContractAddress,
    string? Root,
    IReadOnlyList<EthLog> Logs);
