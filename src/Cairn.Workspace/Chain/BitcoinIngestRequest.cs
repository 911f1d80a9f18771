namespace Cairn.Workspace.Chain;

/// <summary>
/// Where a Bitcoin ingest reads: exactly one of a Bitcoin Core blocks directory (blk*.dat, optional
/// xor.dat) or a node's JSON-RPC URL (with user and password, or the node's cookie file); the network;
/// and for block files how many MB of blocks to commit at a time (a crash loses at most that much work).
/// </summary>
public sealed record BitcoinIngestRequest(string? Blocks, string? Rpc, string? RpcUser = null, string? RpcPassword = null, string? RpcCookie = null, string? Network = null, int? CommitEveryMb = null);
