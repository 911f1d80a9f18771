namespace Cairn.Tracing.Ethereum;

/// <summary>One hop of a path: the transfer's transaction and the address it reached.</summary>
public sealed record EthTraceStep(string TransactionHash, string To, string Amount);
