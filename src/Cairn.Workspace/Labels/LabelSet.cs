namespace Cairn.Workspace.Labels;

/// <summary>The label catalogue as served: for each group (role, channel, state…), code → words.</summary>
public sealed record LabelSet(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Groups, string Version);
