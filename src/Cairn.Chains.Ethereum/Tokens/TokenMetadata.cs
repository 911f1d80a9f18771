namespace Cairn.Chains.Ethereum.Tokens;

/// <summary>
/// What a token contract says about itself. Symbol, name and decimals are optional in EIP-20,
/// so any may be null when the call reverts or returns nothing readable.
/// </summary>
public sealed record TokenMetadata(string Contract, string? Symbol, string? Name, int? Decimals);
