namespace Cairn.Workspace.Intel;

/// <summary>Addresses to screen (at most 10,000) and the chain they are on (btc, eth or another currency code; null: detected from each address).</summary>
public sealed record ScreenRequest(IReadOnlyList<string>? Addresses, string? Chain);
