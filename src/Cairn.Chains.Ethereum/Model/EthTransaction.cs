using System.Numerics;

namespace Cairn.Chains.Ethereum.Model;

/// <summary>A transaction as returned inside <c>eth_getBlockByNumber(n, true)</c>; addresses lower-case.</summary>
public sealed record EthTransaction(
    string Hash,
    long BlockNumber,
    int TransactionIndex,
    string From,
    string? To,
    BigInteger Value,
    long Nonce,
    long Gas,
    BigInteger? GasPrice,
    string Input,
    int Type);
