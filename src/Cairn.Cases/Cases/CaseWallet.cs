namespace Cairn.Cases.Cases;

/// <summary>A wallet address on a chain ("btc", "eth") and its role in the case.</summary>
public sealed record CaseWallet(string Chain, string Address, WalletRole Role, string Label);
