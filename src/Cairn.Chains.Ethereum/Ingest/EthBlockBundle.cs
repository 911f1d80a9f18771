using Cairn.Chains.Ethereum.Model;
using Cairn.Chains.Ethereum.Transfers;

namespace Cairn.Chains.Ethereum.Ingest;

/// <summary>
/// A block with everything the index takes from it: receipts (for status and logs) and every
/// value transfer, ordered by transaction, then native value, internal transfers in trace order,
/// token transfers by log index.
/// </summary>
public sealed record EthBlockBundle(EthBlock Block, IReadOnlyList<EthReceipt> Receipts, IReadOnlyList<ValueTransfer> Transfers);
