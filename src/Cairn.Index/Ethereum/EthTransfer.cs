using System.Numerics;
using Cairn.Chains.Ethereum.Transfers;

namespace Cairn.Index.Ethereum;

/// <summary>One transfer row read from the index, ids resolved lazily by the caller.</summary>
public readonly record struct EthTransfer(
    long Row,
    TransferKind Kind,
    int FromId,
    int ToId,
    int TokenId,
    BigInteger Value,
    long TransactionId,
    int Ordinal,
    long BlockNumber);
