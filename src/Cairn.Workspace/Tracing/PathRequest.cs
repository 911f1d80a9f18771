namespace Cairn.Workspace.Tracing;

/// <summary>
/// A path search: from an address to another (or, with <c>cluster</c>, to any address of its cluster) within
/// <c>max_hops</c> transactions (1–20, default 6), on UTXO chain <c>chain</c> (default btc; the chain's
/// route sets it).
/// </summary>
public sealed record PathRequest(string? From, string? To, int? MaxHops, bool? Cluster, string? Chain = null);
