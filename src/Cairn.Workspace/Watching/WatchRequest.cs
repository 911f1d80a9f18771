namespace Cairn.Workspace.Watching;

/// <summary>A watch to add to a case: the chain (btc, eth), what it is (address, cluster, actor), its value, an optional label and threshold in base units.</summary>
public sealed record WatchRequest(string? Chain, string? Kind, string? Value, string? Label = null, string? Threshold = null);
