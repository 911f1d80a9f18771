namespace Cairn.Index.Ethereum;

/// <summary>A token known to the index: id 0 is ETH itself (18 decimals).</summary>
public sealed record EthTokenInfo(int Id, string? Contract, string Symbol, int? Decimals);
