using System.Numerics;

namespace Cairn.Chains.Ethereum.Traces;

/// <summary>
/// One call in a transaction's call tree, flattened depth-first. <see cref="TraceAddress"/> is the
/// path of child indexes from the top-level call (empty for the top-level call itself), as in
/// Parity/OpenEthereum <c>trace_*</c> output. <see cref="Type"/> is lower case: call, callcode,
/// delegatecall, staticcall, create, create2, selfdestruct, reward.
/// </summary>
public sealed record CallFrame(
    int TransactionIndex,
    string Type,
    string? From,
    string? To,
    BigInteger Value,
    string? Error,
    IReadOnlyList<int> TraceAddress,
    int Subtraces,
    long Gas,
    long GasUsed);
