using System.Numerics;

namespace Cairn.Tracing.Watching;

/// <summary>
/// A transaction an ingest just added, chain-agnostic: who paid (inputs: address and amount) and who
/// was paid (outputs), in base units of <see cref="Asset"/>. A Bitcoin transaction has its inputs and
/// outputs; an Ethereum transfer (native, token or internal) is one input and one output.
/// </summary>
public sealed record ObservedTransaction(string Chain, string TxId, long BlockHeight, DateTimeOffset? BlockTime, string Asset,
    IReadOnlyList<(string Address, BigInteger Amount)> Inputs, IReadOnlyList<(string Address, BigInteger Amount)> Outputs);
