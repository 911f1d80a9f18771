namespace Cairn.Chains.Ethereum.Model;

/// <summary>An event log from a receipt or <c>eth_getLogs</c>; Data is 0x-hex.</summary>
public sealed record EthLog(
    string Address,
    IReadOnlyList<string> Topics,
    string Data,
    int LogIndex,
    string TransactionHash,
    int TransactionIndex,
    long BlockNumber);
