namespace Cairn.Workspace.Chain;

/// <summary>An Ethereum ingest: the node's JSON-RPC URL, the block range (default: where the index ends to the node's latest), blocks per commit and how many recent blocks to re-check for a reorganisation.</summary>
public sealed record EthereumIngestRequest(string? Rpc, long? From = null, long? To = null, int BatchBlocks = 50, int ReorgDepth = 64);
