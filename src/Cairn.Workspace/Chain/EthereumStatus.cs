namespace Cairn.Workspace.Chain;

/// <summary>Whether the data directory has an Ethereum index and, when it has, the blocks and sizes it covers.</summary>
public sealed record EthereumStatus(bool Indexed, long? FirstBlock, long? LastBlock, long? Transfers, long? Addresses);
