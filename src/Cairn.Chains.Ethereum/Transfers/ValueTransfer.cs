using System.Numerics;

namespace Cairn.Chains.Ethereum.Transfers;

/// <summary>
/// One movement of value between two accounts, the unit the index stores and tracing follows.
/// <see cref="Token"/> is null for ETH (native and internal), else the token contract (lower case).
/// <see cref="Value"/> is wei or token base units; for ERC-721 it is 1 and <see cref="TokenId"/> names the item.
/// <see cref="Ordinal"/> orders transfers inside a transaction: the log index for tokens, the
/// position of the call in the trace (depth-first) for internal transfers, 0 for native.
/// </summary>
public sealed record ValueTransfer(
    TransferKind Kind,
    string From,
    string To,
    string? Token,
    BigInteger Value,
    BigInteger? TokenId,
    string TransactionHash,
    long BlockNumber,
    int Ordinal);
