namespace Cairn.Chains;

/// <summary>What Cairn does on a chain (what <c>cairn chains --json</c> and GET /api/v1/chains list).</summary>
/// <param name="BlockFiles">Ingest from the node's block files (blk*.dat).</param>
/// <param name="Rpc">Ingest from a node over JSON-RPC.</param>
/// <param name="Trace">Follow funds over the chain's index.</param>
/// <param name="Cluster">Multi-input clustering of addresses.</param>
/// <param name="Screen">Screen addresses against tags and sanctions lists.</param>
/// <param name="Tokens">Token transfers (ERC-20 and the like) are indexed and traceable.</param>
public sealed record ChainSupport(bool BlockFiles, bool Rpc, bool Trace, bool Cluster, bool Screen, bool Tokens);
