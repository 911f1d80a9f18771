namespace Cairn.Workspace.Chain;

/// <summary>Whether the data directory has a Bitcoin index and, when it has, its network, tip and sizes.</summary>
public sealed record BitcoinStatus(bool Indexed, string? Network, long? TipHeight, string? TipHash, long? Transactions, long? Outputs, long? Inputs, long? Addresses);
