namespace Cairn.Workspace.Cases;

/// <summary>A wallet to record on a case (replacing the same chain and address): its role (victim, perpetrator, …) and a label; <c>version</c> guards against lost updates.</summary>
public sealed record WalletRequest(string? Chain, string? Address, string? Role, string? Label, long? Version);
